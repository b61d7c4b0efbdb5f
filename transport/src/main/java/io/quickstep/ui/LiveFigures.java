package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.graph.StateGraph;
import io.quickstep.json.Json;
import io.quickstep.metrics.StateMachineMetrics;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the page polls ({@code GET /ui/api/live}): for each machine, the engine's counters (executions
 * by outcome, each state's entries; the page turns entries into a rate), the latency of its recent
 * executions and, when they recorded their states' events, each state's p50/p99 time and errors
 * over them, and the newest executions to list. Used on the view's one thread only.
 *
 * <p>The engine keeps no per-state time or errors (measuring them would cost every execution);
 * these come from the last {@value #WINDOW} executions the service keeps, read through
 * GetExecutionHistory once each (finished executions do not change; the first 1,000 events of
 * one, its first page, count) and remembered.
 */
final class LiveFigures {
    /** The recent executions the latency and the per-state figures are over. */
    static final int WINDOW = 100;
    /** The executions listed under each machine. */
    static final int LISTED = 12;
    /** Executions' figures remembered, the least recently used forgotten first. */
    private static final int REMEMBERED = 4 * WINDOW;

    private final ApiCalls api;
    private final Supplier<? extends Iterable<StateMachineMetrics>> metrics;
    private final Map<String, ExecutionFigures> byArn = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ExecutionFigures> eldest) {
            return size() > REMEMBERED;
        }
    };

    LiveFigures(ApiCalls api, Supplier<? extends Iterable<StateMachineMetrics>> metrics) {
        this.api = api;
        this.metrics = metrics;
    }

    /** The figures of these machines, now. */
    ObjectNode of(List<ServedMachine> machines) {
        Map<String, List<StateMachineMetrics>> engine = new HashMap<>();
        for (StateMachineMetrics machine : metrics.get()) {
            engine.computeIfAbsent(machine.name(), name -> new ArrayList<>()).add(machine);
        }
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("at", System.currentTimeMillis());
        ArrayNode list = answer.putArray("machines");
        for (ServedMachine machine : machines) {
            list.add(machine(machine, engine.getOrDefault(machine.name(), List.of())));
        }
        return answer;
    }

    private ObjectNode machine(ServedMachine machine, List<StateMachineMetrics> engine) {
        ObjectNode figures = machine.summary();
        long started = 0;
        long succeeded = 0;
        long failed = 0;
        long timedOut = 0;
        long aborted = 0;
        Map<String, Long> entered = new HashMap<>();
        for (StateMachineMetrics revision : engine) {
            started += revision.started();
            succeeded += revision.succeeded();
            failed += revision.failed();
            timedOut += revision.timedOut();
            aborted += revision.aborted();
            revision.transitions().forEach((path, count) -> {
                String name = machine.drawn().namesByPath.get(path);
                if (name != null) {
                    entered.merge(name, count, Long::sum);
                }
            });
        }
        figures.put("started", started).put("succeeded", succeeded).put("failed", failed).put("timedOut", timedOut)
                .put("aborted", aborted).put("running", started - succeeded - failed - timedOut - aborted);

        JsonNode recent = api.call("ListExecutions", ApiCalls.request().put("stateMachineArn", machine.arn())
                .put("maxResults", WINDOW)).path("executions");
        ArrayNode listed = figures.putArray("executions");
        Histogram latency = new Histogram(3);
        Map<String, Histogram> times = new HashMap<>();
        Map<String, Integer> errors = new HashMap<>();
        int withStates = 0;
        for (JsonNode execution : recent) {
            if (listed.size() < LISTED) {
                listed.add(execution);
            }
            ExecutionFigures done = finished(execution, machine);
            if (done == null) {
                continue;
            }
            latency.recordValue(done.latencyMillis());
            if (done.statesRecorded()) {
                withStates++;
                done.durations().forEach((state, visits) -> {
                    Histogram histogram = times.computeIfAbsent(state, s -> new Histogram(3));
                    visits.forEach(millis -> histogram.recordValue(Math.max(0, millis)));
                });
                done.errors().forEach((state, count) -> errors.merge(state, count, Integer::sum));
            }
        }
        ObjectNode window = figures.putObject("window");
        window.put("executions", latency.getTotalCount()).put("withStates", withStates);
        percentiles(window, latency);

        ObjectNode states = figures.putObject("states");
        StateGraph graph = machine.drawn().diagram == null ? null : machine.drawn().diagram.graph();
        if (graph != null) {
            for (StateGraph.Node node : graph.nodes()) {
                ObjectNode state = states.putObject(node.name());
                state.put("entered", entered.getOrDefault(node.name(), 0L));
                if (withStates > 0) {
                    state.put("errors", errors.getOrDefault(node.name(), 0));
                    percentiles(state, times.get(node.name()));
                }
            }
        }
        return figures;
    }

    /** The figures of a finished execution (from its history, the first time), or null while it runs. */
    private ExecutionFigures finished(JsonNode execution, ServedMachine machine) {
        long stop = ApiCalls.millis(execution.get("stopDate"));
        if (stop == 0) {
            return null;
        }
        String arn = execution.path("executionArn").asText();
        ExecutionFigures figures = byArn.get(arn);
        if (figures == null) {
            JsonNode history = api.call("GetExecutionHistory", ApiCalls.request().put("executionArn", arn)
                    .put("includeExecutionData", false).put("maxResults", 1000));
            StateGraph graph = machine.drawn().diagram == null ? null : machine.drawn().diagram.graph();
            figures = ExecutionFigures.of(stop - ApiCalls.millis(execution.get("startDate")), history, graph);
            byArn.put(arn, figures);
        }
        return figures;
    }

    /** {@code p50Ms} and {@code p99Ms} of the histogram, when it has values. */
    private static void percentiles(ObjectNode into, Histogram histogram) {
        if (histogram != null && histogram.getTotalCount() > 0) {
            into.put("p50Ms", histogram.getValueAtPercentile(50));
            into.put("p99Ms", histogram.getValueAtPercentile(99));
        }
    }
}
