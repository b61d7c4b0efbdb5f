package io.quickstep.api;

import io.quickstep.execution.ExecutionResult;
import io.quickstep.runtime.Shards;

import java.util.concurrent.CompletableFuture;

/**
 * The engine's answer to a start: accepted (with the execution's ARN and a future of its result) or
 * refused at once, without blocking. Refusals are expected outcomes, so they are codes, not
 * exceptions.
 *
 * @param code          {@link #ACCEPTED}, {@link #THROTTLED} or {@link #SHUT_DOWN}
 * @param executionArn  the Express execution ARN, when accepted
 * @param completion    completes with the result when the execution ends, when accepted
 */
public record StartResult(int code, String executionArn, CompletableFuture<ExecutionResult> completion) {
    public static final int ACCEPTED = Shards.ACCEPTED;
    /** The shard's ring had no room: try again later (HTTP: ThrottlingException). */
    public static final int THROTTLED = Shards.THROTTLED;
    /** The engine no longer takes executions. */
    public static final int SHUT_DOWN = Shards.SHUT_DOWN;

    public boolean accepted() {
        return code == ACCEPTED;
    }
}
