package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.model.StateDetails;
import io.quickstep.compiler.StateInfo;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.events.EventBuffer;
import io.quickstep.events.EventType;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.task.TaskHandlers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One execution's history: each event is given its id where it happens (AWS's error causes quote
 * them: "entered at the event id #4") and, when the execution records events, written to the
 * {@link EventBuffer} with its details. When it does not, an event costs an increment and one
 * branch: nothing is built or read for it. The items of a distributed Map are child executions,
 * each with a history of its own that nobody records.
 *
 * <p>Previous-event ids follow AWS's histories: each frame keeps the id of its last event (its
 * chain; the top frame's starts at 0, so the first state entered follows event 0, not
 * ExecutionStarted), and every event follows its frame's chain. A Parallel branch starts from
 * ParallelStateStarted, a Map iteration from its parent's chain when it first runs, and the parent
 * goes on from where the child ended. (The corpus has no successful Parallel state with a history:
 * that branches follow ParallelStateStarted and ParallelStateSucceeded the last branch is a guess.) Three kinds of event are recorded beside the chain rather than on it, as AWS does:
 * MapIterationSucceeded and MapIterationFailed (the next iteration follows the child's last event)
 * and MapStateSucceeded (the state's exit follows the last iteration's end, or MapRunSucceeded).
 * States.Runtime ends the execution at once: no state or iteration failure is recorded for it.
 */
final class History {
    /** Where the field that failed is named in a QueryEvaluationError's cause. */
    private static final Pattern LOCATION = Pattern.compile(
            "specified for the field '([A-Za-z]+)'|The ([A-Za-z]+) field cannot be");

    private final Execution execution;
    /** The id of the last event given. */
    int lastId;
    /** Where the events are recorded, or null when they are not (the default). */
    EventBuffer buffer;

    History(Execution execution) {
        this.execution = execution;
    }

    void executionStarted() {
        int id = ++lastId;
        if (buffer != null) {
            buffer.add(EventType.ExecutionStarted, id, 0, now(), execution.account.roleArn(), null, null, null,
                    execution.input, null, -1, -1);
        }
    }

    /** The execution's end, following {@code previousId}. */
    void executionEnded(ExecutionStatus status, int previousId, JsonNode output, String error, String cause) {
        int id = ++lastId;
        if (buffer != null) {
            EventType type = switch (status) {
                case SUCCEEDED -> EventType.ExecutionSucceeded;
                case FAILED -> EventType.ExecutionFailed;
                case TIMED_OUT -> EventType.ExecutionTimedOut;
                case ABORTED -> EventType.ExecutionAborted;
            };
            buffer.add(type, id, previousId, now(), null, error, cause, null, output, null, -1, -1);
        }
    }

    /** {@code <Type>StateEntered}, with the state's input; returns its id. */
    int stateEntered(Frame frame) {
        int id = ++lastId;
        if (buffer != null) {
            buffer.add(EventType.entered(frame.state.type()), id, frame.lastEventId, now(), frame.state.name(), null,
                    null, null, frame.value, null, -1, -1);
        }
        frame.lastEventId = id;
        return id;
    }

    /** {@code <Type>StateExited}, with the state's output and the variables it assigned, or null. */
    void stateExited(Frame frame, JsonNode assigned) {
        int id = ++lastId;
        if (buffer != null) {
            buffer.add(EventType.exited(frame.state.type()), id, frame.lastEventId, now(), frame.state.name(), null,
                    null, null, frame.value, assigned, -1, -1);
        }
        frame.lastEventId = id;
    }

    /**
     * A task's call is made: scheduled and started, as a Lambda function (a function's ARN as
     * Resource) or as a service integration. A time limit of {@code Long.MAX_VALUE} is none.
     */
    void taskScheduled(Frame frame, long timeoutMillis, long heartbeatMillis) {
        int scheduled = ++lastId;
        int started = ++lastId;
        if (buffer != null) {
            String resource = frame.state.task().resource();
            boolean lambda = TaskHandlers.isFunctionArn(resource);
            long now = now();
            buffer.add(lambda ? EventType.LambdaFunctionScheduled : EventType.TaskScheduled, scheduled,
                    frame.lastEventId, now, resource, null, null, execution.account.region(), frame.value, null,
                    seconds(timeoutMillis), seconds(heartbeatMillis));
            buffer.add(lambda ? EventType.LambdaFunctionStarted : EventType.TaskStarted, started, scheduled, now,
                    resource, null, null, null, null, null, -1, -1);
        }
        frame.lastEventId = started;
    }

    void taskSucceeded(Frame frame, JsonNode result) {
        taskEnded(frame, EventType.LambdaFunctionSucceeded, EventType.TaskSucceeded, result, null);
    }

    void taskFailed(Frame frame, ExecutionFailure failure) {
        taskEnded(frame, EventType.LambdaFunctionFailed, EventType.TaskFailed, null, failure);
    }

    void taskTimedOut(Frame frame, ExecutionFailure failure) {
        taskEnded(frame, EventType.LambdaFunctionTimedOut, EventType.TaskTimedOut, null, failure);
    }

    private void taskEnded(Frame frame, EventType lambdaType, EventType taskType, JsonNode result,
                           ExecutionFailure failure) {
        int id = ++lastId;
        if (buffer != null) {
            String resource = frame.state.task().resource();
            buffer.add(TaskHandlers.isFunctionArn(resource) ? lambdaType : taskType, id, frame.lastEventId, now(),
                    resource, failure == null ? null : failure.error(), failure == null ? null : failure.causeText(),
                    null, result, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** ParallelStateStarted, or MapStateStarted with the number of items. */
    void childrenStarted(Frame frame, boolean map, int length) {
        record(frame, map ? EventType.MapStateStarted : EventType.ParallelStateStarted, length);
    }

    /** MapRunStarted, when the Map state is distributed, with the map run's ARN ({@code mapRun:MACHINE/LABEL:ID}). */
    void mapRunStarted(Frame frame) {
        if (!distributed(frame)) {
            return;
        }
        int id = ++lastId;
        if (buffer != null) {
            String label = ((StateDetails.Map) frame.state.state().details()).label();
            String arn = "arn:aws:states:" + execution.account.region() + ":" + execution.account.id() + ":mapRun:"
                    + execution.stateMachineName + "/" + (label != null ? label : ExecutionIds.random()) + ":"
                    + ExecutionIds.random();
            buffer.add(EventType.MapRunStarted, id, frame.lastEventId, now(), arn, null, null, null, null, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** A distributed Map's items failed: MapRunFailed, before the state fails. */
    void mapRunFailed(Frame frame) {
        if (distributed(frame)) {
            record(frame, EventType.MapRunFailed, -1);
        }
    }

    /**
     * The history a child frame records into: its parent's, or, for a distributed Map's item, a
     * child execution's own.
     */
    History forChild(Frame parent) {
        return distributed(parent) ? new History(execution) : this;
    }

    /**
     * A child frame runs for the first time: a Map iteration starts, after its parent's last event
     * by then (the previous iteration's end, where they run one after the other). A Parallel
     * branch has nothing to record: it follows ParallelStateStarted, its parent's last event when
     * it was made.
     */
    void childBegun(Frame child, boolean map) {
        Frame parent = child.parentGroup.parent();
        if (map && child.history == this) {
            int id = ++lastId;
            if (buffer != null) {
                buffer.add(EventType.MapIterationStarted, id, parent.lastEventId, now(), parent.state.name(), null,
                        null, null, null, null, child.childIndex, -1);
            }
            child.lastEventId = id;
        }
    }

    /**
     * A child frame ended, the {@code last} of all or not: a Map iteration's end is recorded beside
     * the chain; the parent goes on from the child's last event, or, after the last iteration's
     * success, from that.
     */
    void childEnded(Frame child, boolean map, boolean last) {
        if (child.history != this) {
            return; // a distributed Map's item: its own execution
        }
        Frame parent = child.parentGroup.parent();
        parent.lastEventId = child.lastEventId;
        boolean succeeded = child.status == Frame.Status.COMPLETED;
        if (map && (succeeded || !isRuntime(child.failure))) {
            int id = ++lastId;
            if (buffer != null) {
                buffer.add(succeeded ? EventType.MapIterationSucceeded : EventType.MapIterationFailed, id,
                        child.lastEventId, now(), parent.state.name(), null, null, null, null, null, child.childIndex,
                        -1);
            }
            if (succeeded && last) {
                parent.lastEventId = id;
            }
        }
    }

    /** A Map iteration that had begun was stopped (a sibling failed, the execution ended). */
    void iterationAborted(Frame child) {
        if (child.history != this) {
            return;
        }
        int id = ++lastId;
        if (buffer != null) {
            buffer.add(EventType.MapIterationAborted, id, child.lastEventId, now(),
                    child.parentGroup.parent().state.name(), null, null, null, null, null, child.childIndex, -1);
        }
    }

    /**
     * Every child succeeded: MapStateSucceeded beside the chain (after MapRunSucceeded when
     * distributed), or ParallelStateSucceeded.
     */
    void childrenSucceeded(Frame frame, boolean map) {
        if (map && distributed(frame)) {
            record(frame, EventType.MapRunSucceeded, -1);
        }
        int chain = frame.lastEventId;
        record(frame, map ? EventType.MapStateSucceeded : EventType.ParallelStateSucceeded, -1);
        if (map) {
            frame.lastEventId = chain;
        }
    }

    /** A Map or Parallel state failed and is not retried: MapStateFailed or ParallelStateFailed. */
    void stateFailed(Frame frame, ExecutionFailure failure) {
        StateInfo state = frame.state;
        if (state == null || isRuntime(failure)) {
            return;
        }
        if (state.map() != null) {
            record(frame, EventType.MapStateFailed, -1);
        } else if ("Parallel".equals(state.type())) {
            record(frame, EventType.ParallelStateFailed, -1);
        }
    }

    /** EvaluationFailed: the state's expression or path raised States.QueryEvaluationError. */
    void evaluationFailed(Frame frame, ExecutionFailure failure) {
        int id = ++lastId;
        if (buffer != null) {
            buffer.add(EventType.EvaluationFailed, id, frame.lastEventId, now(), frame.state.name(), failure.error(),
                    failure.causeText(), location(failure.causeText()), null, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** An event of the frame's state with at most a number, on the frame's chain. */
    private void record(Frame frame, EventType type, long number) {
        int id = ++lastId;
        if (buffer != null) {
            buffer.add(type, id, frame.lastEventId, now(), null, null, null, null, null, null, number, -1);
        }
        frame.lastEventId = id;
    }

    private long now() {
        return execution.clock.millis();
    }

    private static boolean distributed(Frame frame) {
        return frame.state.state().details() instanceof StateDetails.Map map && map.distributed();
    }

    private static long seconds(long millis) {
        return millis == Long.MAX_VALUE ? -1 : millis / 1000;
    }

    /** The field a QueryEvaluationError's cause names (Arguments, Items, Timestamp, ...), or null. */
    private static String location(String cause) {
        if (cause == null) {
            return null;
        }
        Matcher m = LOCATION.matcher(cause);
        return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static boolean isRuntime(ExecutionFailure failure) {
        return failure != null && StatesErrors.RUNTIME.equals(failure.error());
    }
}
