package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;

/**
 * The two task handlers of the reference workload (shared/bench/README.md), used by the engine
 * and by the hand-written baseline alike.
 */
public final class OrderHandlers {
    private OrderHandlers() {
    }

    /** Both handlers, registered under the function names the workflow's Lambda ARNs carry. */
    public static TaskHandlers registry() {
        return new TaskHandlers()
                .register("charge", request -> charge(request.input()))
                .register("reserve", request -> reserve(request.input()));
    }

    /** {@code {"chargeId": "ch-" + orderId, "charged": total}}. */
    public static JsonNode charge(JsonNode order) {
        ObjectNode result = Json.NODES.objectNode();
        result.put("chargeId", "ch-" + order.get("orderId").asText());
        result.set("charged", order.get("total"));
        return result;
    }

    /** {@code {"reserved": number of items}}. */
    public static JsonNode reserve(JsonNode order) {
        ObjectNode result = Json.NODES.objectNode();
        result.put("reserved", order.get("items").size());
        return result;
    }
}
