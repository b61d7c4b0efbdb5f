package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/**
 * The end of one execution: the output when it succeeded, else the error and cause (either may be
 * null, as on AWS). Times are epoch milliseconds on the execution's clock.
 */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause,
                              long startMillis, long stopMillis) {

    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }

    /** {@code {"status":..,"output":..}} or {@code {"status":..,"error":..,"cause":..}}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("status", status.name());
        if (succeeded()) {
            node.set("output", output);
        } else {
            node.put("error", error);
            node.put("cause", cause);
        }
        return node;
    }
}
