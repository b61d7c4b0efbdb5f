package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link TaskHandlers} resolves a {@code .waitForTaskToken} resource to when a handler is
 * registered for the integration it names (the resource without the suffix: {@code sqs:sendMessage}
 * for {@code sqs:sendMessage.waitForTaskToken}, the function for {@code lambda:invoke}): the engine
 * calls {@link #integration()} as it would call it for the plain resource, records its answer
 * (TaskSubmitted), and then waits for the task's token to be answered ({@link Callbacks}). A handler
 * registered under the whole {@code .waitForTaskToken} resource string is not wrapped: it answers
 * the whole task, as a mock does.
 */
public record CallbackIntegration(TaskHandler integration) implements TaskHandler {
    /**
     * Calls the integration only, for callers that drive no execution (nobody could answer the
     * token): its answer stands for the task's.
     */
    @Override
    public JsonNode invoke(TaskRequest request) throws Exception {
        return integration.invoke(request);
    }
}
