package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.StateInfo;
import io.quickstep.compiler.TaskSpec;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;
import io.quickstep.task.TaskRequest;

/**
 * A Task state's call: the VM prepares it and suspends the frame; the driver makes the call and
 * reports its outcome through {@link #succeeded} or {@link #failed}, after which the frame is
 * ready to run again.
 */
final class Tasks {
    private Tasks() {
    }

    /** Builds the request for the current state's task and suspends the frame on it. */
    static void prepare(Frame frame, StateInfo state) {
        TaskSpec spec = state.task();
        long timeoutMillis = spec.timeoutExpression() != null
                ? JsonataNumbers.positiveInteger(spec.timeoutExpression(), frame, false) * 1000L
                : limitMillis(spec.timeoutSeconds(), spec.timeoutSecondsPath(), "TimeoutSecondsPath", frame);
        long heartbeatMillis = spec.heartbeatExpression() != null
                ? JsonataNumbers.positiveInteger(spec.heartbeatExpression(), frame, false) * 1000L
                : limitMillis(spec.heartbeatSeconds(), spec.heartbeatSecondsPath(), "HeartbeatSecondsPath", frame);
        History.taskScheduled(frame, timeoutMillis, heartbeatMillis);
        JsonNode context = frame.program.usesContext() ? frame.context() : null;
        frame.taskRequest = new TaskRequest(state.name(), spec.resource(), frame.value, context);
        frame.taskTimeoutMillis = timeoutMillis;
        frame.taskHeartbeatMillis = heartbeatMillis;
        if (timeoutMillis != Long.MAX_VALUE || heartbeatMillis != Long.MAX_VALUE) {
            frame.taskStartedMillis = frame.execution.clock.millis();
            frame.taskBeatMillis = frame.taskStartedMillis;
        }
        frame.taskAttempt++;
        frame.status = Frame.Status.WAITING_TASK;
    }

    /** The task returned {@code result} (null stands for JSON null). */
    static void succeeded(Frame frame, JsonNode result) {
        JsonNode value = result == null ? Json.NODES.nullNode() : result;
        if (frame.execution.events != null && value.isContainerNode()) {
            // The handler may keep its result and change it later; the events (read when the log
            // is shipped, after the execution) and every value made from it must not see that.
            value = value.deepCopy();
        }
        History.taskSucceeded(frame, value);
        long bytes = DataLimit.measure(value);
        if (bytes > DataLimit.MAX_BYTES) {
            frame.pendingFailure = DataLimit.exceeded(frame.taskRequest.resource());
        } else {
            frame.result = value;
            frame.resultBytes = bytes;
            frame.pc++;
        }
        endCall(frame);
        frame.execution.ready(frame);
    }

    /**
     * A {@code .waitForTaskToken} task's integration answered: the task now waits for its token's
     * answer (TaskSubmitted, with the integration's answer).
     */
    static void submitted(Frame frame, JsonNode result) {
        frame.taskSubmitting = false;
        History.taskSubmitted(frame, result == null ? Json.NODES.nullNode() : result);
    }

    /** A worker took an activity task (ActivityStarted); {@code workerName} may be null. */
    static void activityStarted(Frame frame, String workerName) {
        History.activityStarted(frame, workerName);
    }

    /** The task failed. */
    static void failed(Frame frame, ExecutionFailure failure) {
        History.taskFailed(frame, failure);
        resume(frame, failure);
    }

    /**
     * The task ran past its limit: it fails with States.HeartbeatTimeout when the heartbeat limit
     * was the shorter one, else States.Timeout; AWS gives it an empty cause.
     */
    static void timedOut(Frame frame) {
        ExecutionFailure failure = new ExecutionFailure(
                frame.taskHeartbeatFirst() ? StatesErrors.HEARTBEAT_TIMEOUT : StatesErrors.TIMEOUT, "");
        History.taskTimedOut(frame, failure);
        resume(frame, failure);
    }

    private static void resume(Frame frame, ExecutionFailure failure) {
        frame.pendingFailure = failure;
        endCall(frame);
        frame.execution.ready(frame);
    }

    /** The call is over: a token it waited on is closed (a late answer is told the task is gone). */
    private static void endCall(Frame frame) {
        frame.taskRequest = null;
        frame.taskSubmitting = false;
        if (frame.taskAnswer != null) {
            frame.taskAnswer.cancel(false);
            frame.taskAnswer = null;
        }
    }

    /** A time limit in milliseconds from its constant or path form; {@code Long.MAX_VALUE} when absent. */
    private static long limitMillis(Integer seconds, JsonPath path, String field, Frame frame) {
        if (seconds != null) {
            return seconds * 1000L;
        }
        if (path == null) {
            return Long.MAX_VALUE;
        }
        JsonNode value = Paths.select(path, frame.stateInput, frame);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new ExecutionFailure(StatesErrors.RUNTIME, "The " + field + " parameter must be a positive integer: "
                    + path.text() + " == " + Json.write(value));
        }
        return value.longValue() * 1000L;
    }
}
