package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.StateInfo;
import io.quickstep.compiler.TaskSpec;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;
import io.quickstep.task.TaskRequest;
import io.quickstep.task.TaskTimeoutException;

/** A Task state's call to its handler, and how the outcome becomes a result or an ASL error. */
final class Tasks {
    private Tasks() {
    }

    static JsonNode invoke(Frame frame, StateInfo state, JsonNode input) {
        TaskSpec spec = state.task();
        Execution execution = frame.execution;
        long timeoutMillis = limitMillis(spec.timeoutSeconds(), spec.timeoutSecondsPath(), "TimeoutSecondsPath",
                frame, frame.stateInput);
        long heartbeatMillis = limitMillis(spec.heartbeatSeconds(), spec.heartbeatSecondsPath(),
                "HeartbeatSecondsPath", frame, frame.stateInput);
        execution.eventId += 2; // scheduled, started
        JsonNode context = frame.program.usesContext() ? frame.context() : null;
        JsonNode result;
        try {
            result = execution.tasks.invoke(new TaskRequest(state.name(), spec.resource(), input, context));
        } catch (TaskTimeoutException e) {
            execution.eventId++;
            long waited = Math.min(timeoutMillis, heartbeatMillis);
            if (waited != Long.MAX_VALUE) {
                Deadline.sleep(execution, waited);
            }
            // AWS gives a timed-out task an empty cause.
            throw new ExecutionFailure(heartbeatMillis < timeoutMillis ? StatesErrors.HEARTBEAT_TIMEOUT
                    : StatesErrors.TIMEOUT, "");
        } catch (ExecutionFailure e) {
            execution.eventId++;
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionStopped(io.quickstep.api.ExecutionStatus.ABORTED, "States.Aborted",
                    "The execution was interrupted");
        } catch (Exception e) {
            execution.eventId++;
            throw new ExecutionFailure(e.getClass().getSimpleName(), e.getMessage());
        }
        execution.eventId++;
        if (result == null) {
            return Json.NODES.nullNode();
        }
        return result;
    }

    /** A time limit in milliseconds from its constant or path form; {@code Long.MAX_VALUE} when absent. */
    private static long limitMillis(Integer seconds, JsonPath path, String field, Frame frame, JsonNode input) {
        if (seconds != null) {
            return seconds * 1000L;
        }
        if (path == null) {
            return Long.MAX_VALUE;
        }
        JsonNode value = Paths.select(path, input, frame);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new ExecutionFailure(StatesErrors.RUNTIME, "The " + field + " parameter must be a positive integer: "
                    + path.text() + " == " + Json.write(value));
        }
        return value.longValue() * 1000L;
    }
}
