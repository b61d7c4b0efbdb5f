package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.graph.StateGraph;
import io.quickstep.json.Json;
import io.quickstep.metrics.StateFigures;
import io.quickstep.metrics.StateMachineMetrics;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the page polls ({@code GET /ui/api/live}): for each machine, the engine's counters (executions
 * by outcome; each state's entries, which the page turns into a rate, and errors; each state's p50/p99
 * time over the executions the engine timed, see {@link StateMachineMetrics}), whatever the machine's
 * logging; the latency of its last {@value #WINDOW} finished executions and the newest to list.
 * Used on the view's one thread only.
 */
final class LiveFigures {
    /** The recent executions the machine's latency is over. */
    static final int WINDOW = 100;
    /** The executions listed under each machine. */
    static final int LISTED = 12;

    private final ApiCalls api;
    private final Supplier<? extends Iterable<StateMachineMetrics>> metrics;

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
        int sampling = StateMachineMetrics.configuredStateLatencySampling(); // until the engine has run it
        // By state name: the versions of a machine, and the paths the diagram draws as one state, together.
        Map<String, StateFigures> byState = new HashMap<>();
        for (StateMachineMetrics revision : engine) {
            started += revision.started();
            succeeded += revision.succeeded();
            failed += revision.failed();
            timedOut += revision.timedOut();
            aborted += revision.aborted();
            sampling = revision.stateLatencySampling();
            revision.states().forEach((path, state) -> {
                String name = machine.drawn().namesByPath.get(path);
                if (name != null) {
                    byState.merge(name, state, StateFigures::plus);
                }
            });
        }
        figures.put("started", started).put("succeeded", succeeded).put("failed", failed).put("timedOut", timedOut)
                .put("aborted", aborted).put("running", started - succeeded - failed - timedOut - aborted)
                .put("sampling", sampling);

        JsonNode recent = api.call("ListExecutions", ApiCalls.request().put("stateMachineArn", machine.arn())
                .put("maxResults", WINDOW)).path("executions");
        ArrayNode listed = figures.putArray("executions");
        Histogram latency = new Histogram(3);
        for (JsonNode execution : recent) {
            if (listed.size() < LISTED) {
                listed.add(execution);
            }
            long stop = ApiCalls.millis(execution.get("stopDate"));
            if (stop != 0) {
                latency.recordValue(Math.max(0, stop - ApiCalls.millis(execution.get("startDate"))));
            }
        }
        ObjectNode window = figures.putObject("window");
        window.put("executions", latency.getTotalCount());
        if (latency.getTotalCount() > 0) {
            window.put("p50Ms", latency.getValueAtPercentile(50));
            window.put("p99Ms", latency.getValueAtPercentile(99));
        }

        ObjectNode states = figures.putObject("states");
        StateGraph graph = machine.drawn().diagram == null ? null : machine.drawn().diagram.graph();
        if (graph != null) {
            for (StateGraph.Node node : graph.nodes()) {
                ObjectNode state = states.putObject(node.name());
                StateFigures counted = byState.get(node.name());
                state.put("entered", counted == null ? 0 : counted.entered());
                state.put("errors", counted == null ? 0 : counted.errors());
                state.put("sampled", counted == null ? 0 : counted.sampled());
                if (counted != null && counted.sampled() > 0) {
                    state.put("p50Us", counted.p50Micros());
                    state.put("p99Us", counted.p99Micros());
                }
            }
        }
        return figures;
    }
}
