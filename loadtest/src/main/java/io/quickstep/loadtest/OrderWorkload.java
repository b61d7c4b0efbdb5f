package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.StateMachine;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The reference workload of shared/bench (this module's resources hold a copy): the order workflow,
 * its input, and its two task handlers, in process, as shared/bench/README.md describes them.
 *
 * @param input parsed once and given to every start: executions share values and never change them
 * @param tasks the workflow's task handlers, {@link #handlers()}
 */
public record OrderWorkload(StateMachine machine, JsonNode input, TaskHandlers tasks) {

    public static OrderWorkload load() throws IOException {
        return load(Faults.NONE);
    }

    /** The workload with handlers that misbehave as {@code faults} says (a soak run). */
    static OrderWorkload load(Faults faults) throws IOException {
        return new OrderWorkload(StateMachine.create("order", resource("order-workflow.asl.json")),
                Json.parse(resource("order-input.json")), handlers(faults));
    }

    /**
     * {@code charge} answers {@code {"chargeId": "ch-" + orderId, "charged": total}} and {@code reserve}
     * {@code {"reserved": number of items}}.
     */
    public static TaskHandlers handlers() {
        return handlers(Faults.NONE);
    }

    private static TaskHandlers handlers(Faults faults) {
        TaskHandler charge = request -> {
            ObjectNode result = Json.NODES.objectNode();
            result.put("chargeId", "ch-" + request.input().get("orderId").asText());
            result.set("charged", request.input().get("total"));
            return result;
        };
        TaskHandler reserve = request -> {
            ObjectNode result = Json.NODES.objectNode();
            result.put("reserved", request.input().get("items").size());
            return result;
        };
        return new TaskHandlers().register("charge", faults.failing(charge)).register("reserve", faults.slow(reserve));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OrderWorkload.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
