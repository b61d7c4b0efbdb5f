package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.graph.ExecutionEvent;
import io.quickstep.graph.ExecutionEvents;
import io.quickstep.graph.ExecutionPath;
import io.quickstep.graph.StateGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one finished execution adds to its machine's live figures: its latency, and, when it
 * recorded its states' events (its machine logs at level ALL, or is STANDARD), how long each visit
 * of a state took (from its entered event to its exited one, in the events' milliseconds) and how
 * many errors each state had (attempts that failed, retried or not, caught or not: the same
 * reading of the events as the execution's path on its diagram, {@link ExecutionPath}).
 *
 * @param durations each state's visit times, in milliseconds, by state name; empty without state events
 * @param errors    each state's errors, by state name (states without any left out)
 */
record ExecutionFigures(long latencyMillis, boolean statesRecorded, Map<String, List<Long>> durations,
                        Map<String, Integer> errors) {

    /**
     * @param history GetExecutionHistory's answer for the execution
     * @param graph   its machine's diagram; states it does not have are left out
     */
    static ExecutionFigures of(long latencyMillis, JsonNode history, StateGraph graph) {
        List<ExecutionEvent> events = ExecutionEvents.ofHistory(history);
        Map<String, ArrayDeque<Long>> open = new HashMap<>();
        Map<String, List<Long>> durations = new HashMap<>();
        boolean states = false;
        for (int i = 0; i < events.size(); i++) {
            ExecutionEvent event = events.get(i);
            boolean entered = event.type().endsWith("StateEntered");
            if (!entered && !event.type().endsWith("StateExited")) {
                continue;
            }
            states = true;
            long at = ApiCalls.millis(history.path("events").get(i).get("timestamp"));
            if (entered) {
                open.computeIfAbsent(event.name(), n -> new ArrayDeque<>()).add(at);
            } else {
                // Map iterations may visit a state at once: the oldest visit open is the one that ends.
                ArrayDeque<Long> visits = open.get(event.name());
                if (visits != null && !visits.isEmpty()) {
                    durations.computeIfAbsent(event.name(), n -> new ArrayList<>()).add(at - visits.poll());
                }
            }
        }
        Map<String, Integer> errors = new HashMap<>();
        if (states && graph != null) {
            ExecutionPath path = ExecutionPath.of(graph, events);
            for (StateGraph.Node node : graph.nodes()) {
                ExecutionPath.StateRun run = path.state(node.name());
                int failed = run.failed() + run.caught() + run.retries();
                if (failed > 0) {
                    errors.put(node.name(), failed);
                }
            }
        }
        return new ExecutionFigures(latencyMillis, states, durations, errors);
    }
}
