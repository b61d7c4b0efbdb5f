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
import io.quickstep.task.TaskKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One execution's history: each event is given its id where it happens (AWS's error causes quote
 * them: "entered at the event id #4") and, when the execution records events, written to its
 * {@link EventBuffer} with its details. When it does not, an event costs an increment and one
 * branch: nothing is built or read for it, and nothing is allocated for the history at all (the
 * counter and the buffer are fields of {@link Execution}, the chains of {@link Frame}). The items
 * of a distributed Map are child executions, each with a history of its own that nobody records:
 * their counters are the Map state's ({@link Children#itemEventIds}), made only for such a Map.
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

    private History() {
    }

    static void executionStarted(Execution execution) {
        int id = ++execution.lastEventId;
        EventBuffer buffer = execution.events;
        if (buffer != null) {
            buffer.add(EventType.ExecutionStarted, id, 0, execution.startMillis, execution.account.roleArn(), null,
                    null, null, execution.input, null, -1, -1);
        }
    }

    /** The execution's end, following {@code previousId}; nothing is recorded after it. */
    static void executionEnded(Execution execution, ExecutionStatus status, int previousId, JsonNode output,
                               String error, String cause) {
        int id = ++execution.lastEventId;
        EventBuffer buffer = execution.events;
        if (buffer != null) {
            EventType type = switch (status) {
                case SUCCEEDED -> EventType.ExecutionSucceeded;
                case FAILED -> EventType.ExecutionFailed;
                case TIMED_OUT -> EventType.ExecutionTimedOut;
                case ABORTED -> EventType.ExecutionAborted;
            };
            buffer.add(type, id, previousId, execution.eventMillis(), null, error, cause, null, output, null, -1,
                    -1);
        }
    }

    /** {@code <Type>StateEntered}, with the state's input; returns its id. */
    static int stateEntered(Frame frame) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            buffer.add(EventType.entered(frame.state.type()), id, frame.lastEventId, now(frame), frame.state.name(), null,
                    null, null, frame.value, null, -1, -1);
        }
        frame.lastEventId = id;
        return id;
    }

    /** {@code <Type>StateExited}, with the state's output and the variables it assigned, or null. */
    static void stateExited(Frame frame, JsonNode assigned) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            buffer.add(EventType.exited(frame.state.type()), id, frame.lastEventId, now(frame), frame.state.name(), null,
                    null, null, frame.value, assigned, -1, -1);
        }
        frame.lastEventId = id;
    }

    /**
     * A task's call is made: scheduled and started, as a Lambda function (a function's ARN as
     * Resource) or as a service integration; an activity's task is only scheduled (a worker starts
     * it: {@link #activityStarted}). A time limit of {@code Long.MAX_VALUE} is none.
     */
    static void taskScheduled(Frame frame, long timeoutMillis, long heartbeatMillis) {
        if (frame.state.task().kind() == TaskKind.ACTIVITY) {
            int id = nextId(frame);
            EventBuffer buffer = buffer(frame);
            if (buffer != null) {
                buffer.add(EventType.ActivityScheduled, id, frame.lastEventId, now(frame), frame.state.task().resource(),
                        null, null, null, frame.value, null, seconds(timeoutMillis), seconds(heartbeatMillis));
            }
            frame.lastEventId = id;
            return;
        }
        int scheduled = nextId(frame);
        int started = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            String resource = frame.state.task().resource();
            boolean lambda = TaskHandlers.isFunctionArn(resource);
            long now = now(frame);
            buffer.add(lambda ? EventType.LambdaFunctionScheduled : EventType.TaskScheduled, scheduled,
                    frame.lastEventId, now, resource, null, null, frame.execution.account.region(), frame.value, null,
                    seconds(timeoutMillis), seconds(heartbeatMillis));
            buffer.add(lambda ? EventType.LambdaFunctionStarted : EventType.TaskStarted, started, scheduled, now,
                    resource, null, null, null, null, null, -1, -1);
        }
        frame.lastEventId = started;
    }

    /** A worker took an activity's task: ActivityStarted, with its name if it gave one. */
    static void activityStarted(Frame frame, String workerName) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            buffer.add(EventType.ActivityStarted, id, frame.lastEventId, now(frame), workerName, null, null, null, null,
                    null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** A {@code .waitForTaskToken} task's integration answered: TaskSubmitted, with its answer. */
    static void taskSubmitted(Frame frame, JsonNode answer) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            buffer.add(EventType.TaskSubmitted, id, frame.lastEventId, now(frame), frame.state.task().resource(), null,
                    null, null, answer, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    static void taskSucceeded(Frame frame, JsonNode result) {
        taskEnded(frame, EventType.ActivitySucceeded, EventType.LambdaFunctionSucceeded, EventType.TaskSucceeded,
                result, null);
    }

    static void taskFailed(Frame frame, ExecutionFailure failure) {
        taskEnded(frame, EventType.ActivityFailed, EventType.LambdaFunctionFailed, EventType.TaskFailed, null, failure);
    }

    static void taskTimedOut(Frame frame, ExecutionFailure failure) {
        taskEnded(frame, EventType.ActivityTimedOut, EventType.LambdaFunctionTimedOut, EventType.TaskTimedOut, null,
                failure);
    }

    /** A task's end, of the activity's, the Lambda function's or the integration's type. */
    private static void taskEnded(Frame frame, EventType activityType, EventType lambdaType, EventType taskType,
                                  JsonNode result, ExecutionFailure failure) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            String resource = frame.state.task().resource();
            EventType type = frame.state.task().kind() == TaskKind.ACTIVITY ? activityType
                    : TaskHandlers.isFunctionArn(resource) ? lambdaType : taskType;
            buffer.add(type, id, frame.lastEventId, now(frame), resource, failure == null ? null : failure.error(),
                    failure == null ? null : failure.causeText(), null, result, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** ParallelStateStarted, or MapStateStarted with the number of items. */
    static void childrenStarted(Frame frame, boolean map, int length) {
        record(frame, map ? EventType.MapStateStarted : EventType.ParallelStateStarted, length);
    }

    /** MapRunStarted, when the Map state is distributed, with the map run's ARN ({@code mapRun:MACHINE/LABEL:ID}). */
    static void mapRunStarted(Frame frame) {
        if (!distributed(frame)) {
            return;
        }
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            String label = ((StateDetails.Map) frame.state.state().details()).label();
            Execution execution = frame.execution;
            String arn = "arn:aws:states:" + execution.account.region() + ":" + execution.account.id() + ":mapRun:"
                    + execution.stateMachineName + "/" + (label != null ? label : ExecutionIds.random()) + ":"
                    + ExecutionIds.random();
            buffer.add(EventType.MapRunStarted, id, frame.lastEventId, now(frame), arn, null, null, null, null, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** A distributed Map's items failed: MapRunFailed, before the state fails. */
    static void mapRunFailed(Frame frame) {
        if (distributed(frame)) {
            record(frame, EventType.MapRunFailed, -1);
        }
    }

    /**
     * The counters of a distributed Map's items, one per item, or null for any other Map or
     * Parallel state: each item is a child execution with ids of its own.
     */
    static int[] itemEventIds(Frame frame, int items) {
        return distributed(frame) ? new int[items] : null;
    }

    /**
     * A child frame runs for the first time: a Map iteration starts, after its parent's last event
     * by then (the previous iteration's end, where they run one after the other). A Parallel
     * branch has nothing to record: it follows ParallelStateStarted, its parent's last event when
     * it was made.
     */
    static void childBegun(Frame child, boolean map) {
        Frame parent = child.parentGroup.parent();
        if (map && !child.parentGroup.isDistributedMap()) {
            int id = nextId(parent);
            EventBuffer buffer = buffer(parent);
            if (buffer != null) {
                buffer.add(EventType.MapIterationStarted, id, parent.lastEventId, now(parent), parent.state.name(), null,
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
    static void childEnded(Frame child, boolean map, boolean last) {
        if (child.parentGroup.isDistributedMap()) {
            return; // a distributed Map's item: its own execution
        }
        Frame parent = child.parentGroup.parent();
        parent.lastEventId = child.lastEventId;
        boolean succeeded = child.status == Frame.Status.COMPLETED;
        if (map && (succeeded || !isRuntime(child.failure))) {
            int id = nextId(parent);
            EventBuffer buffer = buffer(parent);
        if (buffer != null) {
                buffer.add(succeeded ? EventType.MapIterationSucceeded : EventType.MapIterationFailed, id,
                        child.lastEventId, now(parent), parent.state.name(), null, null, null, null, null, child.childIndex,
                        -1);
            }
            if (succeeded && last) {
                parent.lastEventId = id;
            }
        }
    }

    /** A Map iteration that had begun was stopped (a sibling failed, the execution ended). */
    static void iterationAborted(Frame child) {
        if (child.parentGroup.isDistributedMap()) {
            return;
        }
        Frame parent = child.parentGroup.parent();
        int id = nextId(parent);
        EventBuffer buffer = buffer(parent);
        if (buffer != null) {
            buffer.add(EventType.MapIterationAborted, id, child.lastEventId, now(parent),
                    child.parentGroup.parent().state.name(), null, null, null, null, null, child.childIndex, -1);
        }
    }

    /**
     * Every child succeeded: MapStateSucceeded beside the chain (after MapRunSucceeded when
     * distributed), or ParallelStateSucceeded.
     */
    static void childrenSucceeded(Frame frame, boolean map) {
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
    static void stateFailed(Frame frame, ExecutionFailure failure) {
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
    static void evaluationFailed(Frame frame, ExecutionFailure failure) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            buffer.add(EventType.EvaluationFailed, id, frame.lastEventId, now(frame), frame.state.name(), failure.error(),
                    failure.causeText(), location(failure.causeText()), null, null, -1, -1);
        }
        frame.lastEventId = id;
    }

    /** An event of the frame's state with at most a number, on the frame's chain. */
    private static void record(Frame frame, EventType type, long number) {
        int id = nextId(frame);
        EventBuffer buffer = buffer(frame);
        if (buffer != null) {
            buffer.add(type, id, frame.lastEventId, now(frame), null, null, null, null, null, null, number, -1);
        }
        frame.lastEventId = id;
    }

    /**
     * The next event id of the frame's history: its execution's, or, inside a distributed Map's
     * item (at any depth), that item's. A top-level frame reads one field; a nested one walks up
     * its parents.
     */
    private static int nextId(Frame frame) {
        for (Frame f = frame; f.parentGroup != null; f = f.parentGroup.parent()) {
            int[] items = f.parentGroup.itemEventIds;
            if (items != null) {
                return ++items[f.childIndex];
            }
        }
        return ++frame.execution.lastEventId;
    }

    /**
     * Where the frame's events are recorded: its execution's buffer while the execution records
     * and has not ended; null otherwise, and inside a distributed Map's item, whose history is a
     * child execution's that nobody records.
     */
    private static EventBuffer buffer(Frame frame) {
        EventBuffer buffer = frame.execution.events;
        if (buffer == null || frame.execution.result() != null) {
            return null;
        }
        for (Frame f = frame; f.parentGroup != null; f = f.parentGroup.parent()) {
            if (f.parentGroup.isDistributedMap()) {
                return null;
            }
        }
        return buffer;
    }

    private static long now(Frame frame) {
        return frame.execution.eventMillis();
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
