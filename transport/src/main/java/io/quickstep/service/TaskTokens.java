package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonSize;
import io.quickstep.task.Callbacks;

import java.util.Map;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: answers to the engine's activity and
 * {@code .waitForTaskToken} tasks, by task token ({@link Callbacks}), with AWS's checks and errors.
 */
final class TaskTokens {
    /** AWS's limits on the members. */
    private static final int MAX_TOKEN = 2048;
    private static final int MAX_OUTPUT_BYTES = 256 * 1024;
    private static final int MAX_ERROR = 256;
    private static final int MAX_CAUSE = 32_768;

    private final Callbacks callbacks;

    TaskTokens(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    void register(Map<String, Operation> operations) {
        operations.put("SendTaskSuccess", StepFunctionsService.sync(this::success));
        operations.put("SendTaskFailure", StepFunctionsService.sync(this::failure));
        operations.put("SendTaskHeartbeat", StepFunctionsService.sync(this::heartbeat));
    }

    private JsonNode success(Request request) {
        String token = token(request);
        String output = request.string("output");
        long bytes = JsonSize.utf8Length(output);
        if (bytes > MAX_OUTPUT_BYTES) {
            throw AwsErrors.tooLong("<" + bytes + " bytes>", "output", MAX_OUTPUT_BYTES);
        }
        JsonNode value;
        try {
            value = Json.parse(output);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AwsException("InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
        }
        answer(() -> callbacks.sendTaskSuccess(token, value));
        return Json.NODES.objectNode();
    }

    private JsonNode failure(Request request) {
        String token = token(request);
        String error = request.optionalString("error", MAX_ERROR);
        String cause = request.optionalString("cause", MAX_CAUSE);
        answer(() -> callbacks.sendTaskFailure(token, error, cause));
        return Json.NODES.objectNode();
    }

    private JsonNode heartbeat(Request request) {
        String token = token(request);
        answer(() -> callbacks.sendTaskHeartbeat(token));
        return Json.NODES.objectNode();
    }

    private static String token(Request request) {
        String token = request.string("taskToken");
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            throw AwsErrors.validation(token, "taskToken", "Member must have length between 1 and " + MAX_TOKEN);
        }
        return token;
    }

    /** Runs an answer, turning the engine's refusal into AWS's error. */
    private static void answer(Runnable send) {
        try {
            send.run();
        } catch (Callbacks.RefusedException refused) {
            throw refused.refusal() == Callbacks.Refusal.INVALID_TOKEN ? AwsErrors.invalidToken()
                    : new AwsException(refused.refusal().awsError(), refused.getMessage());
        }
    }
}
