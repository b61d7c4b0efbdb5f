package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionListener;
import io.quickstep.api.StateMachine;
import io.quickstep.task.TaskHandler;
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
    /**
     * START: what the caller asked for; the shard makes the execution. The name and ARN may be null
     * (the shard makes a name; the ARN is made when first asked for).
     */
    StateMachine machine;
    JsonNode input;
    String name;
    String arn;
    TaskHandler tasks;
    ExecutionListener listener;
    StateMachineMetrics metrics;
    long acceptedNanos;
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
        machine = null;
        input = null;
        name = null;
        arn = null;
        tasks = null;
        listener = null;
        metrics = null;
        frame = null;
        result = null;
        error = null;
        executionArn = null;
        stopError = null;
        stopCause = null;
    }
}
