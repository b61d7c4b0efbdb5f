package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.vm.Execution;
import io.quickstep.vm.Frame;

/**
 * One slot of a shard's ring, reused for every event that passes through it: an execution to start,
 * an asynchronous task call that ended, or an execution to stop. Fields a kind does not use are
 * null; {@link #clear()} drops references once the event is handled, so the ring keeps nothing alive.
 */
final class ShardEvent {
    static final int START = 1;
    static final int TASK_DONE = 2;
    static final int STOP = 3;
    static final int ABORT_ALL = 4;

    int kind;
    /** START: the execution, created by the caller, and what it runs. */
    Execution execution;
    RunningExecution running;
    /** TASK_DONE: the frame whose call ended, the attempt it was, and the outcome. */
    Frame frame;
    int attempt;
    JsonNode result;
    Throwable error;
    /** STOP: which execution (its ARN), and the error and cause it ends with. */
    String executionArn;
    String stopError;
    String stopCause;

    void clear() {
        execution = null;
        running = null;
        frame = null;
        result = null;
        error = null;
        executionArn = null;
        stopError = null;
        stopCause = null;
    }
}
