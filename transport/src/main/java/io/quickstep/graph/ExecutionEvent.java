package io.quickstep.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of an execution, whichever form it was read from (a history event, a CloudWatch Logs
 * record): its id and the id of the event it follows from (0 for none), its type as AWS names it
 * and its details object ({@code name}, {@code index},
 * {@code error}, ...; empty for a type without).
 */
public record ExecutionEvent(long id, long previousId, String type, JsonNode details) {
    /** The state (or Map state, for a Map iteration's event) the event names, or null. */
    public String name() {
        JsonNode name = details.get("name");
        return name == null || !name.isTextual() ? null : name.asText();
    }
}
