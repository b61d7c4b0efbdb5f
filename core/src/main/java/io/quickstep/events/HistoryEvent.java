package io.quickstep.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.List;

/**
 * One event of an execution, as AWS's GetExecutionHistory gives it.
 *
 * @param id              its number in the execution, from 1
 * @param previousEventId the event it follows from (0 for the first of the execution and of its top level)
 * @param type            its type
 * @param timeMillis      when it happened, epoch milliseconds on the execution's clock
 * @param details         its details object ({@link EventType#detailsKey()}), with JSON values as
 *                        values (AWS's API sends them as JSON text), or null for a type without
 */
public record HistoryEvent(int id, int previousEventId, EventType type, long timeMillis, ObjectNode details) {

    /** {@code {"id", "previousEventId", "type", "<detailsKey>"}}: AWS's event without its timestamp. */
    public ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("id", id);
        node.put("previousEventId", previousEventId);
        node.put("type", type.name());
        if (details != null) {
            node.set(type.detailsKey(), details);
        }
        return node;
    }

    /**
     * When the first of {@code events} (not empty) happened, read without making it: the events an
     * execution recorded make their details only when read.
     */
    public static long firstTimeMillis(List<HistoryEvent> events) {
        return events instanceof RecordedEvents recorded ? recorded.millis(0) : events.get(0).timeMillis();
    }
}
