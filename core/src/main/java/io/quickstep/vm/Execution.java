package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.compiler.Program;
import io.quickstep.events.EventBuffer;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionArn;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskHandler;

import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One execution: what its frames share (identity, input, clock, task handler, the history event
 * counter that AWS's error causes quote: "entered at the event id #4"), the frames ready to run, and
 * its outcome. It is driven by one thread at a time (see {@link SynchronousDriver}): nothing here is
 * thread-safe, and nothing needs to be. A driver that keeps bookkeeping of its own per execution
 * (the runtime's shards) extends this class.
 */
public class Execution {
    /**
     * State entries an execution makes in one slice before the slice's time is checked, and the
     * time after which it yields to its driver's other work (see {@link #mayContinue()}).
     */
    static final int SLICE_CHECK_TRANSITIONS = Integer.getInteger("quickstep.slice.check", 128);
    static final long SLICE_NANOS = Long.getLong("quickstep.slice.nanos", 100_000);

    final Account account;
    final String stateMachineName;
    final String name;
    final JsonNode input;
    final long startMillis;
    final long deadlineMillis;
    final Clock clock;
    final TaskHandler tasks;
    /** Where its activity and {@code .waitForTaskToken} tasks wait for their answers; null: nowhere. */
    final Callbacks callbacks;
    /**
     * The id of its last history event ({@link History}): counted always, the execution's start
     * being event 1, and quoted by AWS's error causes ("entered at the event id #4").
     */
    int lastEventId;
    /**
     * Where its history events are recorded, or null when they are not (the default); kept after
     * the end, when nothing more is recorded, for its driver to reuse ({@link #takeEventBuffer()}).
     */
    EventBuffer events;
    /** Bytes of workflow variables stored by all frames (AWS allows 10 MiB). */
    long variableBytes;
    /**
     * Whether its states are timed: set by a driver that keeps per-state latency (on a sample of
     * executions), before the start. A timed execution reads the clock as each state is entered and
     * left, and tells {@link #recordStateLatency}; an untimed one pays a branch.
     */
    protected boolean timesStates;
    private String arn;
    /** State entries left before the slice's time is checked; see {@link #mayContinue()}. */
    private int sliceBudget;
    /** When the slice's time began to be measured, or 0 while it has not. */
    private long sliceStartNanos;
    private ObjectNode executionContext;
    private ObjectNode stateMachineContext;
    /**
     * Frames ready to run, in the order they became ready: the first in {@code next}, the rest, if
     * any, in {@code waiting}, made on first use (without Parallel or Map one frame is ever ready).
     */
    private Frame next;
    private ArrayDeque<Frame> waiting;
    private Frame top;
    private ExecutionResult result;

    /**
     * @param account       the region and account its ARNs name
     * @param callbacks     where tasks answered by their token wait ({@link Callbacks}), or null when
     *                      nobody could answer them: such tasks then fail
     * @param timeoutMillis the execution's time limit, measured from its start on {@code clock}
     * @param arn           its ARN when already made ({@link ExecutionArn}), or null to make one on
     *                      first use
     */
    public Execution(Account account, String stateMachineName, String name, JsonNode input, Clock clock,
                     TaskHandler tasks, Callbacks callbacks, long timeoutMillis, String arn) {
        this.account = account;
        this.arn = arn;
        this.stateMachineName = stateMachineName;
        this.name = name;
        this.input = input;
        this.clock = clock;
        this.tasks = tasks;
        this.callbacks = callbacks;
        this.startMillis = clock.millis();
        this.deadlineMillis = startMillis + timeoutMillis;
    }

    /** Creates the top-level frame on the input, of {@code inputBytes} bytes, and makes it ready. */
    void start(Program program, long inputBytes) {
        History.executionStarted(this);
        top = new Frame(this, program, input, inputBytes, null, 0);
        ready(top);
    }

    /**
     * Records this execution's history events into {@code buffer}, which must be empty; call before
     * it starts. The result then carries them ({@link ExecutionResult#events()}), and the buffer
     * may be cleared and reused once the execution has ended.
     */
    public void recordEvents(EventBuffer buffer) {
        events = buffer;
    }

    /**
     * The buffer its events were recorded into, once it has ended (its result holds a copy of
     * them), handed back for reuse: this execution forgets it. Null when it recorded none or is
     * still running.
     */
    public EventBuffer takeEventBuffer() {
        if (result == null) {
            return null;
        }
        EventBuffer buffer = events;
        events = null;
        return buffer;
    }

    /**
     * A state is entered, counted by its counter ({@link io.quickstep.compiler.StateInfo#counter()});
     * nothing by default. A driver that keeps per-state metrics (the runtime's shards) counts here:
     * a method rather than a field of counters, so that an execution run without them carries no
     * such field.
     */
    protected void countEntry(int stateCounter) {
    }

    /**
     * An attempt of a state failed (see {@link Interpreter}'s recover): nothing by default; a
     * driver that keeps per-state metrics counts here, as in {@link #countEntry}.
     */
    protected void countError(int stateCounter) {
    }

    /** A timed execution left a state (exit, or final failure) {@code nanos} after entering it; nothing by default. */
    protected void recordStateLatency(int stateCounter, long nanos) {
    }

    /**
     * The time for an event recorded now (call only while it records them): read from the clock
     * at the first event after {@link #newEventTime()} (a new slice, a task's outcome, a timer, a
     * stop), so once per slice rather than once per event; a slice is at most ~100 µs of state
     * entries without waiting, and events carry milliseconds.
     */
    long eventMillis() {
        return events.eventMillis(clock);
    }

    /** Time may have passed since the last event: the next one reads the clock. */
    void newEventTime() {
        if (events != null) {
            events.newEventTime();
        }
    }

    /** Starts a slice: the frames may now run until they wait, or until {@link #mayContinue()} says no. */
    void newSlice() {
        newEventTime();
        sliceBudget = SLICE_CHECK_TRANSITIONS;
        sliceStartNanos = 0;
    }

    /**
     * Asked at every state entry: false when this slice has run long enough and the execution must
     * yield, so that a loop of states cannot hold its thread (a shard's other executions, timers and
     * stops, or the execution's own time limit). The clock is read only every
     * {@value #SLICE_CHECK_TRANSITIONS} entries, so ordinary executions never read it. The two
     * numbers were chosen by measurement ({@code SliceBenchmark}; the system properties
     * {@code quickstep.slice.check} and {@code quickstep.slice.nanos} override them for such runs).
     */
    boolean mayContinue() {
        if (--sliceBudget > 0) {
            return true;
        }
        sliceBudget = SLICE_CHECK_TRANSITIONS;
        long now = System.nanoTime();
        if (sliceStartNanos == 0) {
            sliceStartNanos = now;
            return true;
        }
        return now - sliceStartNanos < SLICE_NANOS;
    }

    /** Makes a frame ready to run (again). */
    void ready(Frame frame) {
        frame.status = Frame.Status.RUNNABLE;
        if (next == null && (waiting == null || waiting.isEmpty())) {
            next = frame;
        } else {
            if (waiting == null) {
                waiting = new ArrayDeque<>();
            }
            waiting.add(frame);
        }
    }

    /** The next frame to run, or null; cancelled frames are skipped. */
    Frame nextReady() {
        Frame frame;
        do {
            if (next != null) {
                frame = next;
                next = null;
            } else {
                frame = waiting == null ? null : waiting.poll();
            }
        } while (frame != null && frame.status == Frame.Status.CANCELLED);
        return frame;
    }

    /** A frame completed or failed: its parent learns of it, or, for the top frame, the execution ends. */
    void finished(Frame frame) {
        if (frame.parentGroup != null) {
            frame.parentGroup.finished(frame);
            return;
        }
        if (frame.status == Frame.Status.COMPLETED) {
            end(ExecutionStatus.SUCCEEDED, frame.lastEventId, frame.output, null, null);
        } else {
            // AWS's execution result leaves an empty cause out.
            String cause = frame.failure.causeText();
            end(ExecutionStatus.FAILED, frame.lastEventId, null, frame.failure.error(),
                    cause == null || cause.isEmpty() ? null : cause);
        }
    }

    /** Records the execution's last event and makes its result, with the events when they are recorded. */
    private void end(ExecutionStatus status, int previousEventId, JsonNode output, String error, String cause) {
        History.executionEnded(this, status, previousEventId, output, error, cause);
        // Nothing is recorded once the result is set: the buffer may be reused from then on.
        result = new ExecutionResult(status, output, error, cause, startMillis, clock.millis(),
                events == null ? null : events.events());
    }

    /** Ends the execution from outside its states (time limit, abort); every frame stops. */
    void stop(ExecutionStatus status, String error, String cause) {
        if (result == null) {
            newEventTime();
            if (top != null) {
                top.cancel();
            }
            next = null;
            if (waiting != null) {
                waiting.clear();
            }
            end(status, lastEventId, null, error, cause);
        }
    }

    /** The outcome, or null while the execution runs. */
    public ExecutionResult result() {
        return result;
    }

    /** The Express execution ARN ({@link ExecutionArn}), made on first use (most executions are never asked for it). */
    public String arn() {
        if (arn == null) {
            arn = ExecutionArn.random(account, stateMachineName, name).toString();
        }
        return arn;
    }

    /** The ARN if it has been made, else null (nobody can know it yet). */
    public String knownArn() {
        return arn;
    }

    public long startMillis() {
        return startMillis;
    }

    /** When the execution's time limit (its TimeoutSeconds, at most the Express five minutes) passes. */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    public String name() {
        return name;
    }

    public JsonNode input() {
        return input;
    }

    /** {@code $$.Execution}, built on first use and shared after. */
    ObjectNode executionContext() {
        if (executionContext == null) {
            ObjectNode node = Json.NODES.objectNode();
            node.put("Id", arn());
            node.set("Input", input);
            node.put("Name", name);
            node.put("RoleArn", account.roleArn());
            node.put("StartTime", timestamp(startMillis));
            executionContext = node;
        }
        return executionContext;
    }

    /** {@code $$.StateMachine}. */
    ObjectNode stateMachineContext() {
        if (stateMachineContext == null) {
            ObjectNode node = Json.NODES.objectNode();
            node.put("Id", account.stateMachineArn(stateMachineName));
            node.put("Name", stateMachineName);
            stateMachineContext = node;
        }
        return stateMachineContext;
    }

    /** ISO-8601 with milliseconds, as AWS writes context timestamps. */
    static String timestamp(long millis) {
        String text = Instant.ofEpochMilli(millis).toString();
        // Instant drops a zero fraction; AWS always writes three digits.
        return text.indexOf('.') < 0 ? text.substring(0, text.length() - 1) + ".000Z" : text;
    }
}
