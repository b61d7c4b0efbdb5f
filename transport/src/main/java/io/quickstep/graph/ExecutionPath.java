package io.quickstep.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The path one execution took through a {@link StateGraph}, from its events: for each state how
 * often it was entered and how each visit ended, the retries, how often each edge was taken, and
 * for each Map state its iterations by outcome.
 *
 * <p>Events name the states they enter and leave; the others (a task scheduled, failed) belong to
 * the visit their previous event belongs to, or else to the latest visit still open of a state of
 * the kind they are about. When Map iterations or Parallel branches run at once their events
 * interleave: a transition is then credited to the latest visit left in the same block from which
 * the definition leads to the state entered.
 */
public final class ExecutionPath {
    /** How a visit of a state ended, as the AWS console colours it; a CSS class in the SVG. */
    public enum Status {
        SUCCEEDED, FAILED, CAUGHT, IN_PROGRESS, CANCELLED, NOT_REACHED;

        /** {@code succeeded}, {@code in-progress}, ...: the name a person reads and the CSS class. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The visits of one state, by how they ended, and the retries they made. */
    public record StateRun(int entered, int succeeded, int failed, int caught, int cancelled, int inProgress,
                           int retries) {
        /** The colour of the state: the gravest outcome of its visits. */
        public Status status() {
            if (failed > 0) {
                return Status.FAILED;
            }
            if (inProgress > 0) {
                return Status.IN_PROGRESS;
            }
            if (caught > 0) {
                return Status.CAUGHT;
            }
            if (succeeded > 0) {
                return Status.SUCCEEDED;
            }
            return entered > 0 ? Status.CANCELLED : Status.NOT_REACHED;
        }

        /**
         * One line: {@code succeeded · retried 2}; for many visits {@code 3× succeeded} or
         * {@code 3×: 2 succeeded, 1 caught}.
         */
        public String summary() {
            String text;
            if (entered == 1) {
                text = status().word();
            } else {
                List<String> parts = new ArrayList<>();
                add(parts, succeeded, Status.SUCCEEDED);
                add(parts, caught, Status.CAUGHT);
                add(parts, failed, Status.FAILED);
                add(parts, inProgress, Status.IN_PROGRESS);
                add(parts, cancelled, Status.CANCELLED);
                text = parts.size() == 1 ? entered + "× " + status().word() : entered + "×: " + String.join(", ", parts);
            }
            return retries == 0 ? text : text + " · retried " + retries;
        }

        private static void add(List<String> parts, int count, Status status) {
            if (count > 0) {
                parts.add(count + " " + status.word());
            }
        }
    }

    /** A Map state's iterations, or a Parallel state's branch runs, by outcome. */
    public record Runs(int succeeded, int failed, int aborted) {
        public String summary(String what) {
            int total = succeeded + failed + aborted;
            List<String> parts = new ArrayList<>();
            if (succeeded > 0) {
                parts.add(succeeded + " succeeded");
            }
            if (failed > 0) {
                parts.add(failed + " failed");
            }
            if (aborted > 0) {
                parts.add(aborted + " aborted");
            }
            return total + " " + what + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        }
    }

    /** The events that end an execution, and its status after each. */
    private static final Map<String, String> ENDS = Map.of("ExecutionSucceeded", "SUCCEEDED",
            "ExecutionFailed", "FAILED", "ExecutionTimedOut", "TIMED_OUT", "ExecutionAborted", "ABORTED");
    private static final Set<String> ATTEMPTS = Set.of("TaskScheduled", "LambdaFunctionScheduled",
            "ActivityScheduled", "MapStateStarted", "ParallelStateStarted");
    private static final Set<String> FAILURES = Set.of("TaskFailed", "TaskTimedOut", "TaskStartFailed",
            "TaskSubmitFailed", "LambdaFunctionFailed", "LambdaFunctionTimedOut", "LambdaFunctionStartFailed",
            "LambdaFunctionScheduleFailed", "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed",
            "MapStateFailed", "ParallelStateFailed", "EvaluationFailed");

    /** One entry into a state. */
    private static final class Visit {
        final StateGraph.Node node;
        int attempts;
        boolean failedLast;
        boolean exited;
        Status status;

        Visit(StateGraph.Node node) {
            this.node = node;
        }
    }

    private static final int RETRIES = 1 + Status.values().length;

    private final StateGraph graph;
    /** Each state's edges out, by node id. */
    private final Map<String, List<StateGraph.Edge>> outgoing = new HashMap<>();
    private final List<Visit> visits = new ArrayList<>();
    /** The visits not left yet, oldest first. */
    private final List<Visit> open = new ArrayList<>();
    /** By block, the visits left whose next state has not been entered yet, oldest first. */
    private final Map<StateGraph.Block, List<Visit>> left = new HashMap<>();
    private final Map<Long, Visit> visitOfEvent = new HashMap<>();
    private final Map<String, Integer> edges = new HashMap<>();
    private final Map<String, int[]> iterations = new HashMap<>();
    private String executionStatus;
    private final Map<String, StateRun> runs = new LinkedHashMap<>();

    private ExecutionPath(StateGraph graph) {
        this.graph = graph;
        for (StateGraph.Block block : graph.blocks()) {
            block.edges().forEach(edge -> outgoing.computeIfAbsent(edge.from(), from -> new ArrayList<>()).add(edge));
        }
    }

    /** The path of the execution whose events, oldest first, are {@code events}. */
    public static ExecutionPath of(StateGraph graph, List<ExecutionEvent> events) {
        ExecutionPath path = new ExecutionPath(graph);
        events.forEach(path::apply);
        path.finish();
        return path;
    }

    /** How the execution ended ({@code SUCCEEDED}, {@code FAILED}, ...), or null while it runs. */
    public String executionStatus() {
        return executionStatus;
    }

    /** What happened at the state named {@code name}; a state not reached has a run of zeros. */
    public StateRun state(String name) {
        return runs.getOrDefault(name, new StateRun(0, 0, 0, 0, 0, 0, 0));
    }

    /** How often the edge with id {@code edgeId} was taken. */
    public int taken(String edgeId) {
        return edges.getOrDefault(edgeId, 0);
    }

    /** A Map state's iterations by outcome, or a Parallel state's branch runs; null for other states. */
    public Runs runs(StateGraph.Node node) {
        if (node.type().equals("Map")) {
            int[] counts = iterations.getOrDefault(node.name(), new int[3]);
            return new Runs(counts[0], counts[1], counts[2]);
        }
        if (!node.type().equals("Parallel")) {
            return null;
        }
        int succeeded = 0;
        int failed = 0;
        for (StateGraph.Block branch : node.blocks()) {
            for (StateGraph.Edge edge : branch.edges()) {
                if (edge.kind() == StateGraph.EdgeKind.END) {
                    succeeded += branch.isFailure(edge) ? 0 : taken(edge.id());
                }
            }
            for (StateGraph.Node inner : branch.nodes()) {
                failed += state(inner.name()).failed();
            }
        }
        return new Runs(succeeded, failed, 0);
    }

    private void apply(ExecutionEvent event) {
        String type = event.type();
        if (type.endsWith("StateEntered")) {
            enter(event);
        } else if (type.endsWith("StateExited")) {
            Visit visit = openVisit(event, null);
            if (visit != null) {
                exit(visit);
            }
        } else if (type.startsWith("MapIteration")) {
            int[] counts = iterations.computeIfAbsent(String.valueOf(event.name()), name -> new int[3]);
            switch (type) {
                case "MapIterationSucceeded" -> counts[0]++;
                case "MapIterationFailed" -> counts[1]++;
                case "MapIterationAborted" -> counts[2]++;
                default -> { }
            }
        } else if (ENDS.containsKey(type)) {
            executionStatus = ENDS.get(type);
        } else if (ATTEMPTS.contains(type) || FAILURES.contains(type)) {
            Visit visit = openVisit(event, kindOf(type));
            if (visit != null) {
                if (ATTEMPTS.contains(type)) {
                    visit.attempts++;
                    visit.failedLast = false;
                } else {
                    visit.failedLast = true;
                }
                visitOfEvent.put(event.id(), visit);
            }
        } else {
            Visit previous = visitOfEvent.get(event.previousId());
            if (previous != null) {
                visitOfEvent.put(event.id(), previous);
            }
        }
    }

    /** The state type an event is about: Map, Parallel, Task; null for any. */
    private static String kindOf(String type) {
        if (type.startsWith("Map")) {
            return "Map";
        }
        if (type.startsWith("Parallel")) {
            return "Parallel";
        }
        return type.equals("EvaluationFailed") ? null : "Task";
    }

    private void enter(ExecutionEvent event) {
        StateGraph.Node node = graph.node(event.name());
        if (node == null) {
            return; // a state of another definition: the events do not belong to this one
        }
        Visit visit = new Visit(node);
        visits.add(visit);
        visitOfEvent.put(event.id(), visit);
        StateGraph.Block block = graph.blockOf(node.name());
        StateGraph.Edge edge = arrival(block, node);
        if (edge != null) {
            count(edge);
        }
        if (node.isFail()) {
            visit.status = Status.FAILED;
            countEnd(visit);
        } else {
            open.add(visit);
        }
    }

    /**
     * The edge an entry into {@code node} came along: from the latest visit left in its block that
     * has an edge to it (a Catch edge when that visit failed), else the block's start.
     */
    private StateGraph.Edge arrival(StateGraph.Block block, StateGraph.Node node) {
        List<Visit> candidates = left.getOrDefault(block, List.of());
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Visit from = candidates.get(i);
            StateGraph.Edge found = null;
            for (StateGraph.Edge edge : outgoing.getOrDefault(from.node.id(), List.of())) {
                boolean fits = from.failedLast == (edge.kind() == StateGraph.EdgeKind.CATCH);
                boolean foundFits = found != null && from.failedLast == (found.kind() == StateGraph.EdgeKind.CATCH);
                if (edge.to().equals(node.id()) && (found == null || fits && !foundFits)) {
                    found = edge;
                }
            }
            if (found != null) {
                candidates.remove(i);
                return found;
            }
        }
        if (block.startAt().equals(node.name())) {
            return block.edges().get(0);
        }
        return null;
    }

    /** A visit left succeeded or caught; unless it ended its block, the next state entered follows it. */
    private void exit(Visit visit) {
        visit.exited = true;
        open.remove(visit);
        if (visit.status == null) {
            visit.status = visit.failedLast ? Status.CAUGHT : Status.SUCCEEDED;
        }
        if (visit.status != Status.SUCCEEDED || !countEnd(visit)) {
            left.computeIfAbsent(graph.blockOf(visit.node.name()), block -> new ArrayList<>()).add(visit);
        }
    }

    /** A visit that ends its block takes the edge to the block's end marker; false for others. */
    private boolean countEnd(Visit visit) {
        for (StateGraph.Edge edge : outgoing.getOrDefault(visit.node.id(), List.of())) {
            if (edge.kind() == StateGraph.EdgeKind.END) {
                count(edge);
                return true;
            }
        }
        return false;
    }

    private void count(StateGraph.Edge edge) {
        edges.merge(edge.id(), 1, Integer::sum);
    }

    /**
     * The open visit an event belongs to: the one its previous event belongs to, or else the latest
     * open visit of the state it names, or of a state of {@code type} (any type when null).
     */
    private Visit openVisit(ExecutionEvent event, String type) {
        Visit previous = visitOfEvent.get(event.previousId());
        String name = event.name();
        if (previous != null && !previous.exited && previous.status == null
                && (name == null || previous.node.name().equals(name))
                && (type == null || previous.node.type().equals(type))) {
            return previous;
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            Visit visit = open.get(i);
            if (name != null ? visit.node.name().equals(name) : type == null || visit.node.type().equals(type)) {
                return visit;
            }
        }
        return null;
    }

    /**
     * Visits still open: in progress while the execution runs. When it has ended, failed if their
     * last attempt failed; if no visit failed (a Fail state, a failed attempt), the latest one
     * entered is where the execution failed; the others were cancelled.
     */
    private void finish() {
        boolean failureSeen = false;
        Visit last = null;
        for (Visit visit : visits) {
            failureSeen |= visit.status == Status.FAILED || !visit.exited && visit.failedLast;
            if (!visit.exited && visit.status == null) {
                last = visit;
            }
        }
        Visit stopped = failureSeen || "SUCCEEDED".equals(executionStatus) ? null : last;
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Visit visit : visits) {
            if (visit.status == null) {
                if (executionStatus == null) {
                    visit.status = Status.IN_PROGRESS;
                } else {
                    visit.status = visit.failedLast || visit == stopped ? Status.FAILED : Status.CANCELLED;
                }
            }
            // c[0] the visits, c[1 + ordinal] those of each status, c[RETRIES] the retries
            int[] c = counts.computeIfAbsent(visit.node.name(), name -> new int[RETRIES + 1]);
            c[0]++;
            c[1 + visit.status.ordinal()]++;
            c[RETRIES] += Math.max(0, visit.attempts - 1);
        }
        counts.forEach((name, c) -> runs.put(name, new StateRun(c[0], c[1 + Status.SUCCEEDED.ordinal()],
                c[1 + Status.FAILED.ordinal()], c[1 + Status.CAUGHT.ordinal()], c[1 + Status.CANCELLED.ordinal()],
                c[1 + Status.IN_PROGRESS.ordinal()], c[RETRIES])));
    }
}
