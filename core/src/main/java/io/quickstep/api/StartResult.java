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

    /**
     * Why a start was refused, made once: refusals come by the thousand under load, and the
     * exception says why; where it was made would tell nothing.
     */
    private static final RejectedExecutionException THROTTLED_WHY = new RejectedExecutionException(
            "throttled: the shard holds its most executions in flight (Engine.Context.maxInFlightPerShard)");
    private static final RejectedExecutionException SHUT_DOWN_WHY = new RejectedExecutionException(
            "the engine is shut down");

    static StartResult refused(Status status) {
        return new StartResult(status, null, CompletableFuture.failedFuture(
                status == Status.THROTTLED ? THROTTLED_WHY : SHUT_DOWN_WHY));
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
