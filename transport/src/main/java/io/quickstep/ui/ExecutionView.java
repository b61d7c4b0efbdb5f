package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.graph.ExecutionEvent;
import io.quickstep.graph.ExecutionEvents;
import io.quickstep.json.Json;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution as the page shows it when chosen ({@code GET /ui/api/execution?arn=ARN}): how it
 * ended, its path drawn on the diagram of the definition it ran, and its steps, one per visit of a
 * state in the order entered, each with its input and output where the history has them (the
 * machine's logging keeps execution data) and the error of its last failed attempt (credited to the
 * state entered last, which Map iterations running at once can blur).
 */
final class ExecutionView {
    /** Events read from the history: GetExecutionHistory's page size at most, then the next page, up to this many. */
    static final int MAX_EVENTS = 10_000;
    private static final int PAGE = 1000;
    /** The latest executions drawn, kept: a finished one does not change, and its layout may take a tenth of a second. */
    private static final int KEPT = 16;
    private static final String ENTERED = "StateEntered";
    private static final String EXITED = "StateExited";

    private final ApiCalls api;
    private final MachineDiagrams diagrams;
    private final Map<String, ObjectNode> finished = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > KEPT;
        }
    };

    ExecutionView(ApiCalls api, MachineDiagrams diagrams) {
        this.api = api;
        this.diagrams = diagrams;
    }

    /** The execution's view; an unknown ARN fails as DescribeExecution does. */
    ObjectNode of(String arn) {
        ObjectNode kept = finished.get(arn);
        if (kept != null) {
            return kept;
        }
        JsonNode described = api.call("DescribeExecution", ApiCalls.request().put("executionArn", arn));
        JsonNode machine = api.call("DescribeStateMachineForExecution", ApiCalls.request().put("executionArn", arn));
        // A machine that logs without its executions' data has them left out here too (STANDARD ones,
        // which record their events without logging, show them as AWS's console does).
        JsonNode logging = machine.path("loggingConfiguration");
        boolean includeData = logging.path("level").asText("OFF").equals("OFF")
                || logging.path("includeExecutionData").asBoolean(false);
        JsonNode history = history(arn, includeData);
        List<ExecutionEvent> events = ExecutionEvents.ofHistory(history);

        ObjectNode view = Json.NODES.objectNode();
        for (String field : new String[] {"executionArn", "name", "status", "input", "output", "error", "cause"}) {
            boolean data = field.equals("input") || field.equals("output");
            if (described.hasNonNull(field) && (includeData || !data)) {
                view.set(field, described.get(field));
            }
        }
        view.put("stateMachine", machine.path("name").asText());
        view.put("startMillis", ApiCalls.millis(described.get("startDate")));
        view.put("stopMillis", ApiCalls.millis(described.get("stopDate")));
        String name = machine.path("name").asText();
        String definition = machine.path("definition").asText();
        MachineDiagrams.Drawn drawn = diagrams.current(name, definition);
        if (drawn == null) {
            drawn = MachineDiagrams.draw(name, definition); // an older revision's: drawn for this once
        }
        if (drawn.diagram != null) {
            view.put("svg", drawn.diagram.withEvents(events).svg());
        } else {
            view.put("problem", drawn.problem);
        }
        view.set("steps", steps(events, history.path("events")));
        view.put("includesData", includeData);
        view.put("truncated", history.path("events").size() >= MAX_EVENTS);
        if (!view.path("status").asText().equals("RUNNING")) {
            finished.put(arn, view);
        }
        return view;
    }

    /** GetExecutionHistory's events, oldest first, page after page up to {@value #MAX_EVENTS}. */
    private JsonNode history(String arn, boolean includeData) {
        ObjectNode all = Json.NODES.objectNode();
        ArrayNode events = all.putArray("events");
        String next = null;
        do {
            ObjectNode request = ApiCalls.request().put("executionArn", arn).put("includeExecutionData", includeData)
                    .put("maxResults", PAGE);
            if (next != null) {
                request.put("nextToken", next);
            }
            JsonNode page = api.call("GetExecutionHistory", request);
            page.path("events").forEach(events::add);
            next = page.path("nextToken").asText(null);
        } while (next != null && events.size() < MAX_EVENTS);
        return all;
    }

    /**
     * One step per state visit: entered events open one, exited events close the oldest open of their
     * state; {@code asRead} is the history's events as read, for their timestamps.
     */
    private static ArrayNode steps(List<ExecutionEvent> events, JsonNode asRead) {
        ArrayNode steps = Json.NODES.arrayNode();
        Map<String, ArrayDeque<ObjectNode>> open = new HashMap<>();
        ObjectNode latest = null;
        for (int i = 0; i < events.size(); i++) {
            ExecutionEvent event = events.get(i);
            String type = event.type();
            long at = ApiCalls.millis(asRead.get(i).get("timestamp"));
            if (type.endsWith(ENTERED)) {
                latest = steps.addObject().put("state", event.name())
                        .put("type", type.substring(0, type.length() - ENTERED.length())).put("enteredMillis", at);
                copy(event.details(), "input", latest);
                open.computeIfAbsent(event.name(), s -> new ArrayDeque<>()).add(latest);
            } else if (type.endsWith(EXITED)) {
                ArrayDeque<ObjectNode> visits = open.get(event.name());
                ObjectNode step = visits == null ? null : visits.poll();
                if (step != null) {
                    copy(event.details(), "output", step);
                    step.put("exitedMillis", at);
                }
            } else if (event.details().has("error") && latest != null && !type.startsWith("Execution")) {
                copy(event.details(), "error", latest);
                copy(event.details(), "cause", latest);
            }
        }
        return steps;
    }

    private static void copy(JsonNode details, String field, ObjectNode into) {
        if (details.hasNonNull(field)) {
            into.set(field, details.get(field));
        }
    }
}
