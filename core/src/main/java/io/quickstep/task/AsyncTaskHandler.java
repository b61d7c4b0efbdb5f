package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletionStage;

/**
 * A task handler that answers later: the stage may complete on any thread; the engine takes the
 * outcome back onto the execution's own thread. The outcome is read as {@link TaskHandler} says
 * (a failed stage's exception becomes the task's error). When the state's time limit passes first,
 * the engine abandons the call and cancels the stage's future, if it is one, so that the handler can
 * stop working on it.
 */
@FunctionalInterface
public interface AsyncTaskHandler extends TaskHandler {
    CompletionStage<JsonNode> invokeAsync(TaskRequest request);

    /** Waits for {@link #invokeAsync}: for drivers that run an execution on the calling thread. */
    @Override
    default JsonNode invoke(TaskRequest request) throws Exception {
        try {
            return invokeAsync(request).toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }
}
