package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The events the engine recorded for an execution (its state machine records them: STANDARD ones
 * do), in GetExecutionHistory's form: the recorded event with its timestamp, and the JSON values of
 * its details written as JSON text, as AWS's API sends them. An execution without recorded events
 * (an Express one, or one still running) answers what {@link StartEndHistory} knows.
 */
final class RecordedHistory implements ExecutionHistory {
    /** Details whose values AWS sends as JSON text. */
    private static final List<String> TEXT_FIELDS = List.of("input", "output", "parameters");

    private final ExecutionHistory startAndEnd = new StartEndHistory();

    @Override
    public List<ObjectNode> events(ExecutionRecord execution, boolean includeData) {
        ExecutionResult result = execution.result();
        if (result == null || result.events().isEmpty()) {
            return startAndEnd.events(execution, includeData);
        }
        List<ObjectNode> events = new ArrayList<>(result.events().size());
        for (HistoryEvent recorded : result.events()) {
            ObjectNode event = Json.NODES.objectNode();
            event.set("timestamp", Dates.epochSeconds(recorded.timeMillis()));
            event.put("type", recorded.type().name());
            event.put("id", recorded.id());
            event.put("previousEventId", recorded.previousEventId());
            if (recorded.details() != null) {
                event.set(recorded.type().detailsKey(), wire(recorded.details(), includeData));
            }
            events.add(event);
        }
        return events;
    }

    /** A copy of the details with values as AWS's API carries them. */
    private static ObjectNode wire(ObjectNode details, boolean includeData) {
        ObjectNode copy = Json.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (TEXT_FIELDS.contains(name)) {
                if (includeData) {
                    copy.put(name, Json.write(value));
                }
            } else if (name.equals("assignedVariables") && value.isObject()) {
                ObjectNode variables = copy.putObject(name);
                value.fields().forEachRemaining(v -> variables.put(v.getKey(), Json.write(v.getValue())));
            } else {
                copy.set(name, value);
            }
        }
        return copy;
    }
}
