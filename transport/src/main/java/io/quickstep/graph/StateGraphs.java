package io.quickstep.graph;

import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.DefinitionParser;
import io.quickstep.asl.Diagnostic;
import io.quickstep.asl.model.Catcher;
import io.quickstep.asl.model.ChoiceRule;
import io.quickstep.asl.model.Definition;
import io.quickstep.asl.model.Retrier;
import io.quickstep.asl.model.State;
import io.quickstep.asl.model.StateDetails;
import io.quickstep.json.Json;
import io.quickstep.json.MalformedJsonException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link StateGraph} from definition text. The definition is checked as {@code quickstep
 * validate} checks it (for a STANDARD machine, the wider of the two types); its errors are refused
 * with the same diagnostics, except states that cannot be reached, which the diagram draws flagged.
 */
public final class StateGraphs {
    private static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    /** Whatever the definition, a label is cut to this many characters; its tooltip holds it whole. */
    static final int LABEL_CHARS = 28;

    private int states;
    private int blocks;
    private int edges;

    private StateGraphs() {
    }

    /**
     * The graph of a definition named {@code name}.
     *
     * @throws DefinitionException with the definition's errors (those of {@code validate}), when it
     *                             has any other than unreachable states
     */
    public static StateGraph of(String name, String definitionText) {
        List<Diagnostic> errors = StateMachine.validate(definitionText, "STANDARD").stream()
                .filter(Diagnostic::isError).toList();
        // An unreachable state is reported at the state itself (.../States/NAME); a missing target at
        // the field naming it. Only the first kind leaves a definition that can be drawn.
        if (errors.stream().anyMatch(d -> !MISSING_TARGET.equals(d.code()) || !atState(d.location()))) {
            throw new DefinitionException(errors);
        }
        Definition definition;
        try {
            definition = DefinitionParser.parse(Json.read(definitionText));
        } catch (MalformedJsonException e) {
            throw new IllegalStateException("validated, then unreadable: " + e.getMessage(), e);
        }
        return new StateGraph(name, new StateGraphs().block(definition, ""));
    }

    private static boolean atState(String location) {
        if (location == null) {
            return false;
        }
        int cut = location.lastIndexOf('/');
        return cut > 0 && location.substring(0, cut).endsWith("/States");
    }

    private StateGraph.Block block(Definition definition, String label) {
        String id = "b" + blocks++;
        Set<String> reached = reachable(definition);
        List<StateGraph.Node> nodes = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (State state : definition.states().values()) {
            String nodeId = "s" + states++;
            ids.put(state.name(), nodeId);
            nodes.add(new StateGraph.Node(nodeId, state.name(), state.type(), retry(state), details(state),
                    !reached.contains(state.name()), inner(state)));
        }
        List<StateGraph.Edge> blockEdges = new ArrayList<>();
        blockEdges.add(edge(id + "-start", ids.get(definition.startAt()), StateGraph.EdgeKind.START, "", ""));
        for (State state : definition.states().values()) {
            for (Transition t : transitions(state)) {
                String to = t.target() == null ? id + "-end" : ids.get(t.target());
                blockEdges.add(edge(ids.get(state.name()), to, t.kind(), shorten(t.label()), t.label()));
            }
        }
        return new StateGraph.Block(id, label, definition.startAt(), List.copyOf(nodes), List.copyOf(blockEdges));
    }

    private StateGraph.Edge edge(String from, String to, StateGraph.EdgeKind kind, String label, String tooltip) {
        return new StateGraph.Edge("e" + edges++, from, to, kind, label, tooltip);
    }

    private List<StateGraph.Block> inner(State state) {
        if (state.details() instanceof StateDetails.Parallel parallel) {
            List<StateGraph.Block> branches = new ArrayList<>();
            for (int b = 0; b < parallel.branches().size(); b++) {
                branches.add(block(parallel.branches().get(b), "Branch " + (b + 1)));
            }
            return List.copyOf(branches);
        }
        if (state.details() instanceof StateDetails.Map map) {
            return List.of(block(map.processor(), map.distributed() ? "Child workflow" : "Iterator"));
        }
        return List.of();
    }

    /** One way out of a state; a null target is the block's end. */
    private record Transition(String target, StateGraph.EdgeKind kind, String label) {
    }

    /** A state's ways out, in the order a reader meets them: rules, Default, Next or End, Catch. */
    private static List<Transition> transitions(State state) {
        List<Transition> out = new ArrayList<>();
        if (state.details() instanceof StateDetails.Choice choice) {
            for (ChoiceRule rule : choice.choices()) {
                out.add(new Transition(rule.next(), StateGraph.EdgeKind.CHOICE, ChoiceLabels.condition(rule)));
            }
            if (choice.defaultNext() != null) {
                out.add(new Transition(choice.defaultNext(), StateGraph.EdgeKind.DEFAULT, "Default"));
            }
        }
        if (state.next() != null) {
            out.add(new Transition(state.next(), StateGraph.EdgeKind.NEXT, ""));
        }
        if (state.end() || state.type().equals("Succeed") || state.type().equals("Fail")) {
            out.add(new Transition(null, StateGraph.EdgeKind.END, ""));
        }
        for (Catcher catcher : state.catchers()) {
            out.add(new Transition(catcher.next(), StateGraph.EdgeKind.CATCH, String.join(", ", catcher.errorEquals())));
        }
        return out;
    }

    /** The states reached from StartAt, as the validator finds them. */
    private static Set<String> reachable(Definition definition) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        reached.add(definition.startAt());
        pending.add(definition.startAt());
        while (!pending.isEmpty()) {
            State state = definition.states().get(pending.poll());
            for (Transition t : transitions(state)) {
                if (t.target() != null && reached.add(t.target())) {
                    pending.add(t.target());
                }
            }
        }
        return reached;
    }

    private static List<String> retry(State state) {
        List<String> lines = new ArrayList<>();
        for (Retrier retrier : state.retry()) {
            lines.add(shorten(String.join(", ", retrier.errorEquals())) + " ×" + retrier.maxAttempts());
        }
        return List.copyOf(lines);
    }

    /** The tooltip's lines after the name and type: the resource, each Retry and Catch rule in full. */
    private static List<String> details(State state) {
        List<String> lines = new ArrayList<>();
        if (state.details() instanceof StateDetails.Task task) {
            lines.add("Resource: " + task.resource());
        }
        for (Retrier r : state.retry()) {
            lines.add("Retry " + String.join(", ", r.errorEquals()) + ": up to " + r.maxAttempts() + " times, after "
                    + r.intervalSeconds() + " s, back-off " + r.backoffRate()
                    + (r.maxDelaySeconds() == null ? "" : ", at most " + r.maxDelaySeconds() + " s")
                    + ("NONE".equals(r.jitterStrategy()) ? "" : ", jitter " + r.jitterStrategy()));
        }
        for (Catcher c : state.catchers()) {
            lines.add("Catch " + String.join(", ", c.errorEquals()) + " → " + c.next());
        }
        return List.copyOf(lines);
    }

    /** {@code text} cut to {@link #LABEL_CHARS} characters, an ellipsis marking the cut. */
    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LABEL_CHARS ? oneLine : oneLine.substring(0, LABEL_CHARS - 1) + "…";
    }
}
