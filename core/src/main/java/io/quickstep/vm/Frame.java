package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.compiler.EvaluationScope;
import io.quickstep.compiler.Program;
import io.quickstep.compiler.StateInfo;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskRequest;


/**
 * One run of a {@link Program}: the top level of an execution, one Parallel branch or one Map
 * iteration. It holds the VM's registers, so the {@link Interpreter} can leave it at any
 * suspension point (a task in flight, a timer, children running) and resume it later; and it is
 * the {@link PathScope} that paths and templates read while a state runs. A frame is only ever
 * touched by the one thread driving its execution.
 */
public final class Frame implements EvaluationScope {
    /** Where a frame stands. */
    enum Status { RUNNABLE, WAITING_TASK, WAITING_TIMER, WAITING_CHILDREN, COMPLETED, FAILED, CANCELLED }

    final Execution execution;
    final Program program;
    /** The Parallel or Map run this frame is a child of, or null for the top level. */
    final Children parentGroup;
    /** This frame's position among its siblings (branch or item index). */
    final int childIndex;
    Status status = Status.RUNNABLE;

    // Registers, see Opcode: the value being processed, the state's input and its result, each with
    // an upper bound of its size in bytes (see DataLimit).
    int pc;
    JsonNode value;
    long valueBytes;
    JsonNode stateInput;
    long stateInputBytes;
    /** The current state's result, null until it has one (so {@code $states.result} is absent before). */
    JsonNode result;
    long resultBytes;

    /** What {@code $} means for the expression being evaluated. */
    JsonNode scopeInput;
    StateInfo state;
    long enteredMillis;
    /** When the current state was entered ({@link System#nanoTime()}), if the execution times its states. */
    long enteredNanos;
    int enteredEventId;
    /** The id of this frame's last history event, which its next one follows (see {@link History}). */
    int lastEventId;
    /** A Parallel branch or Map iteration that has not run yet: its first run begins it ({@link History#childBegun}). */
    boolean unbegun;
    /** Retries made in the current state, in all; and per Retry rule. */
    int retryCount;
    int[] retryAttempts = new int[0];
    /** {@code $$.Map.Item} while a Map state evaluates its ItemSelector, else null. */
    ObjectNode mapItem;
    private ObjectNode context;

    /** Workflow variables visible here, created on first use. */
    Variables variables;
    /** Assignments of the current state, applied when it is left (Assign sees the values at entry). */
    JsonNode pendingAssign;
    /** For {@code $states}: a Catch's error output, once there is one. */
    JsonNode statesErrorOutput;

    /** A failure to handle when the frame resumes (a task or child failed meanwhile). */
    ExecutionFailure pendingFailure;
    /** While WAITING_TASK: the call, its attempt number (stale completions are ignored) and limits. */
    TaskRequest taskRequest;
    int taskAttempt;
    /** TimeoutSeconds and HeartbeatSeconds in milliseconds, {@code Long.MAX_VALUE} when absent. */
    long taskTimeoutMillis;
    long taskHeartbeatMillis;
    /** When the call began, and when its worker last sent a heartbeat (at first, when it began). */
    long taskStartedMillis;
    long taskBeatMillis;
    /** The current attempt's task token ({@code $$.Task.Token}), made on first use; see {@link #taskToken()}. */
    private String taskToken;
    /** For a task answered by its token: the answer, once the call waits for it; else null. */
    java.util.concurrent.CompletableFuture<JsonNode> taskAnswer;
    /** Whether a {@code .waitForTaskToken} task's integration is being called (its answer is not the task's). */
    boolean taskSubmitting;
    /** The asynchronous call in flight, cancelled if the frame stops waiting for it; else null. */
    java.util.concurrent.Future<?> taskCall;
    /** The timer for the call's time limit, if one was set. */
    long taskTimerId;
    /** While WAITING_TIMER: when to wake, and where to go on. */
    long wakeAtMillis;
    int resumePc;
    /** While WAITING_CHILDREN: the Parallel branches or Map iterations running. */
    Children children;
    /** Once COMPLETED or FAILED. */
    JsonNode output;
    ExecutionFailure failure;

    Frame(Execution execution, Program program, JsonNode input, long inputBytes, Children parentGroup,
          int childIndex) {
        this.execution = execution;
        this.program = program;
        this.parentGroup = parentGroup;
        this.childIndex = childIndex;
        this.pc = program.startPc();
        this.value = input;
        this.valueBytes = inputBytes;
        if (parentGroup != null) {
            this.variables = new Variables(parentGroup.parentVariables());
            this.unbegun = true;
            this.lastEventId = parentGroup.parent().lastEventId;
        }
    }

    void enter(StateInfo state) {
        execution.countEntry(state.counter());
        if (execution.timesStates) {
            this.enteredNanos = System.nanoTime();
        }
        this.state = state;
        this.stateInput = value;
        this.stateInputBytes = valueBytes;
        // Only the context object shows when a state was entered: skip the clock read otherwise.
        this.enteredMillis = program.usesContext() ? execution.clock.millis() : 0;
        this.enteredEventId = History.stateEntered(this);
        this.retryCount = 0;
        this.taskToken = null;
        this.pendingAssign = null;
        this.result = null;
        this.statesErrorOutput = null;
        if (retryAttempts.length < state.retry().length) {
            retryAttempts = new int[state.retry().length];
        } else {
            java.util.Arrays.fill(retryAttempts, 0);
        }
        this.context = null;
    }

    /** An attempt of the current state failed (whatever a Retry or Catch then makes of it). */
    void attemptFailed() {
        if (state != null) {
            execution.countError(state.counter());
        }
    }

    /** The current state is left: by its exit, a Catch, or its final failure. */
    void left() {
        if (execution.timesStates && state != null) {
            execution.recordStateLatency(state.counter(), System.nanoTime() - enteredNanos);
        }
    }

    /** Starts the current state over, as a Retry does. */
    void restartState() {
        retryCount++;
        taskToken = null; // each attempt has a token of its own
        context = null;
        value = stateInput;
        valueBytes = stateInputBytes;
        result = null;
        pc = state.bodyPc();
    }

    /** Suspends until the clock reaches {@code wakeAtMillis}, then goes on at {@code resumePc}. */
    void sleepUntil(long wakeAtMillis, int resumePc) {
        this.wakeAtMillis = wakeAtMillis;
        this.resumePc = resumePc;
        this.status = Status.WAITING_TIMER;
    }

    /** Stops this frame and everything it started; late completions for it are then ignored. */
    void cancel() {
        if (status == Status.COMPLETED || status == Status.FAILED || status == Status.CANCELLED) {
            return;
        }
        status = Status.CANCELLED;
        if (taskCall != null) {
            taskCall.cancel(true);
            taskCall = null;
        }
        if (taskAnswer != null) {
            taskAnswer.cancel(false); // its token is closed: a late answer is told the task is gone
            taskAnswer = null;
        }
        if (children != null) {
            children.cancel();
        }
    }

    /** The current task attempt's token, made on first use (by {@code $$.Task.Token} or the call). */
    String taskToken() {
        if (taskToken == null) {
            taskToken = Callbacks.newToken();
        }
        return taskToken;
    }

    /**
     * When the task call runs out of time: at its TimeoutSeconds from its start, or at its
     * HeartbeatSeconds from the last heartbeat, whichever comes first; {@code Long.MAX_VALUE} for
     * neither.
     */
    long taskDeadlineMillis() {
        return Math.min(plus(taskStartedMillis, taskTimeoutMillis), plus(taskBeatMillis, taskHeartbeatMillis));
    }

    /** Whether the heartbeat limit, not TimeoutSeconds, is what the call ran out of. */
    boolean taskHeartbeatFirst() {
        return plus(taskBeatMillis, taskHeartbeatMillis) < plus(taskStartedMillis, taskTimeoutMillis);
    }

    private static long plus(long at, long millis) {
        return millis == Long.MAX_VALUE ? Long.MAX_VALUE : at + millis;
    }

    /** The transition counter of the state the frame is in (see {@code StateInfo.counter}). */
    public int stateCounter() {
        return state.counter();
    }

    /** The execution this frame belongs to. */
    public Execution execution() {
        return execution;
    }

    @Override
    public JsonNode input() {
        return scopeInput;
    }

    @Override
    public JsonNode context() {
        if (mapItem != null) {
            ObjectNode withItem = Json.NODES.objectNode();
            withItem.setAll(base());
            withItem.set("Map", Json.NODES.objectNode().set("Item", mapItem));
            return withItem;
        }
        return base();
    }

    private ObjectNode base() {
        if (context == null) {
            ObjectNode node = Json.NODES.objectNode();
            node.set("Execution", execution.executionContext());
            ObjectNode stateNode = node.putObject("State");
            stateNode.put("EnteredTime", Execution.timestamp(enteredMillis));
            stateNode.put("Name", state.name());
            if (state.task() != null) {
                stateNode.put("RetryCount", retryCount);
            }
            node.set("StateMachine", execution.stateMachineContext());
            if (state.task() != null && state.task().answeredByToken()) {
                node.putObject("Task").put("Token", taskToken());
            }
            context = node;
        }
        return context;
    }

    @Override
    public JsonNode variable(String name) {
        return variables == null ? null : variables.get(name);
    }

    /** {@code $states}: the state's input, the context object, and the result or error output if any. */
    @Override
    public JsonNode states() {
        ObjectNode states = Json.NODES.objectNode();
        states.set("input", stateInput);
        states.set("context", context());
        if (result != null) {
            states.set("result", result);
        }
        if (statesErrorOutput != null) {
            states.set("errorOutput", statesErrorOutput);
        }
        return states;
    }

    /** Applies the current state's assignments as it is left; returns them, or null when it has none. */
    JsonNode applyAssignments() {
        if (pendingAssign == null) {
            return null;
        }
        if (variables == null) {
            variables = new Variables(null);
        }
        JsonNode assignments = pendingAssign;
        pendingAssign = null;
        Assignments.account(execution, variables.assignAll(assignments));
        return assignments;
    }
}
