package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.service.StepFunctionsApi;

import java.util.concurrent.CompletionException;

/**
 * The Step Functions API called in this process, as the view reads it. The operations it calls
 * (List..., Describe..., GetExecutionHistory) answer at once on the calling thread, so waiting for
 * them waits for nothing else.
 */
final class ApiCalls {
    private final StepFunctionsApi api;

    ApiCalls(StepFunctionsApi api) {
        this.api = api;
    }

    /** A request body to fill in. */
    static ObjectNode request() {
        return Json.NODES.objectNode();
    }

    /** The operation's answer; its failure ({@link io.quickstep.service.AwsException} among them) thrown as it is. */
    JsonNode call(String operation, ObjectNode request) {
        try {
            return api.call(operation, request).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A timestamp of the API (epoch seconds with a fraction) in milliseconds; 0 when absent. */
    static long millis(JsonNode epochSeconds) {
        return epochSeconds == null || !epochSeconds.isNumber() ? 0 : epochSeconds.decimalValue().movePointRight(3).longValue();
    }
}
