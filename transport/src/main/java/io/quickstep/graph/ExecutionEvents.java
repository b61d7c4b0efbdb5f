package io.quickstep.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.events.HistoryEvent;
import io.quickstep.json.Json;
import io.quickstep.json.MalformedJsonException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an execution's events from what Quickstep and AWS write: the CloudWatch Logs records of the
 * log sinks (JSON lines, {@code {"id": "2", "type": ..., "details": {...}, "execution_arn": ...}},
 * as {@code serve --log-dir} and {@code quickstep logs --json} give them), or GetExecutionHistory's
 * answer ({@code {"events": [{"id": 2, "type": ..., "stateEnteredEventDetails": {...}}]}}, or the
 * array alone).
 */
public final class ExecutionEvents {
    private ExecutionEvents() {
    }

    /** The events an execution recorded. */
    public static List<ExecutionEvent> of(List<HistoryEvent> events) {
        List<ExecutionEvent> converted = new ArrayList<>(events.size());
        for (HistoryEvent event : events) {
            converted.add(new ExecutionEvent(event.id(), event.previousEventId(), event.type().name(),
                    event.details() == null ? Json.NODES.objectNode() : event.details()));
        }
        return converted;
    }

    /**
     * The events of GetExecutionHistory's answer ({@code {"events": [...]}}), as the service
     * answers it in the process.
     *
     * @throws IllegalArgumentException when an item is not an event, or there is none
     */
    public static List<ExecutionEvent> ofHistory(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("events").forEach(items::add);
        return oneExecution(items, null);
    }

    /**
     * The events of one execution in {@code text}. Log files may hold many executions' records:
     * {@code executionArn} picks one, and without it the text must hold one execution's only.
     *
     * @throws IllegalArgumentException saying what in the text is not an execution's events, with the
     *                                  line for JSON lines
     */
    public static List<ExecutionEvent> parse(String text, String executionArn) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no events: the file is empty");
        }
        List<JsonNode> items = new ArrayList<>();
        JsonNode whole = tryRead(trimmed);
        if (whole != null && whole.isObject() && whole.has("events")) {
            whole.get("events").forEach(items::add);
        } else if (whole != null && whole.isArray()) {
            whole.forEach(items::add);
        } else {
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    items.add(Json.read(lines[i]));
                } catch (MalformedJsonException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage()
                            + " (expected one CloudWatch Logs record per line, or GetExecutionHistory's answer)");
                }
            }
        }
        return oneExecution(items, executionArn);
    }

    private static JsonNode tryRead(String text) {
        try {
            return Json.read(text);
        } catch (MalformedJsonException e) {
            return null; // not one JSON document: JSON lines, then
        }
    }

    private static List<ExecutionEvent> oneExecution(List<JsonNode> items, String executionArn) {
        Set<String> executions = new LinkedHashSet<>();
        List<ExecutionEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || !item.path("type").isTextual()) {
                throw new IllegalArgumentException("event " + (i + 1) + ": not an event (an object with a type)");
            }
            String arn = item.path("execution_arn").asText("");
            if (executionArn != null && !executionArn.equals(arn)) {
                continue;
            }
            executions.add(arn);
            JsonNode previous = item.has("previousEventId") ? item.get("previousEventId") : item.path("previous_event_id");
            events.add(new ExecutionEvent(item.path("id").asLong(i + 1), previous.asLong(0), item.get("type").asText(),
                    details(item)));
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException(executionArn == null ? "no events"
                    : "no events of execution " + executionArn);
        }
        if (executions.size() > 1) {
            throw new IllegalArgumentException("the events of " + executions.size() + " executions (from "
                    + executions.iterator().next() + "); choose one with --execution ARN");
        }
        return events;
    }

    /** A record's {@code details}, or a history event's {@code <kind>EventDetails}; empty without. */
    private static JsonNode details(JsonNode item) {
        if (item.path("details").isObject()) {
            return item.get("details");
        }
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (field.getKey().endsWith("EventDetails") && field.getValue().isObject()) {
                return field.getValue();
            }
        }
        return Json.NODES.objectNode();
    }
}
