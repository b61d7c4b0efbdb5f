package io.quickstep.api;

import io.quickstep.execution.ExecutionResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The engine's answer to a start, given at once: accepted, with the execution's ARN and a future
 * of its result, or refused. Refusals are expected outcomes under load, so they are a status, not an
 * exception; a refused start's {@link #completion()} is already failed with a
 * {@link RejectedExecutionException} that says why, so {@code completion().join()} never meets a null.
 *
 * @param status       whether the engine took the execution
 * @param executionArn the Express execution ARN, when accepted; null otherwise
 * @param completion   completes with the result when the execution ends
 */
public record StartResult(Status status, String executionArn, CompletableFuture<ExecutionResult> completion) {

    /** Whether the engine took an execution. */
    public enum Status {
        /** The execution runs; it will end with a result. */
        ACCEPTED,
        /** The shard holds its most executions in flight: try again later (HTTP: ThrottlingException). */
        THROTTLED,
        /** The engine is closing or closed and takes no executions. */
        SHUT_DOWN;

        private static final Status[] BY_CODE = values();

        /** The status for one of the runtime's start codes (their order is this enum's). */
        static Status of(int code) {
            return BY_CODE[code];
        }
    }

    static StartResult accepted(String executionArn, CompletableFuture<ExecutionResult> completion) {
        return new StartResult(Status.ACCEPTED, executionArn, completion);
    }

    static StartResult refused(Status status) {
        String why = status == Status.THROTTLED
                ? "throttled: the shard holds its most executions in flight (Engine.Context.maxInFlightPerShard)"
                : "the engine is shut down";
        return new StartResult(status, null, CompletableFuture.failedFuture(new RejectedExecutionException(why)));
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
