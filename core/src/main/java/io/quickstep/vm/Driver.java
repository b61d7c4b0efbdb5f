package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.Program;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.BlockingTaskHandler;
import io.quickstep.task.CallbackIntegration;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskRequest;
import io.quickstep.task.TaskTimeoutException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What every driver of executions does: run ready frames, make the task calls they ask for, and
 * resume them when a timer fires or an asynchronous call ends. A subclass decides where timers live
 * and how an outcome that arrives on another thread gets back onto the driving thread; all other
 * methods run on the driving thread only.
 *
 * <p>Nothing that outside code throws escapes a driver: a handler's {@link Throwable}, whatever it
 * is, fails its task (the handler's failure, as Lambda reports a function's error), and a fault of
 * the engine while running an execution fails that execution with {@code States.Runtime}.
 */
public abstract class Driver {
    /** Timer kinds. */
    protected static final int WAKE = 1;
    protected static final int TASK_TIMEOUT = 2;

    /** Asynchronous calls made and not yet delivered (a cancelled call is delivered too). */
    protected int asyncCallsInFlight;
    /** Where handler errors and engine faults are counted and the first of each logged. */
    private final EngineErrors errors;
    /** Who drives, for the error log ({@code quickstep-shard-0}, the calling thread). */
    private final String driverName;

    protected Driver(EngineErrors errors, String driverName) {
        this.errors = errors;
        this.driverName = driverName;
    }

    /**
     * Starts an execution: its top frame runs until it first waits, ends, or has used its slice.
     *
     * @return whether it yielded with frames still ready (see {@link #runReady})
     */
    protected final boolean begin(Execution execution, Program program, long inputBytes) {
        try {
            execution.start(program, inputBytes);
        } catch (Throwable bug) {
            failInternally(execution, null, bug);
            return false;
        }
        return runReady(execution);
    }

    /** Ends an execution from outside its states: every frame stops, pending calls are abandoned. */
    protected final void end(Execution execution, ExecutionStatus status, String error, String cause) {
        execution.stop(status, error, cause);
    }

    /**
     * Runs the execution's ready frames for one slice: until none is ready, the execution has
     * ended, or the slice is used up.
     *
     * @return true when the slice ran out with frames still ready: call again after other work
     */
    protected final boolean runReady(Execution execution) {
        execution.newSlice();
        Frame frame = null;
        try {
            while (execution.result() == null && (frame = execution.nextReady()) != null) {
                Interpreter.run(frame);
                switch (frame.status) {
                    case WAITING_TASK:
                        call(frame);
                        break;
                    case WAITING_TIMER:
                        scheduleTimer(frame.wakeAtMillis, WAKE, frame, frame.resumePc);
                        break;
                    case RUNNABLE:
                        execution.ready(frame);
                        return true;
                    default:
                        break;
                }
            }
        } catch (Throwable bug) {
            failInternally(execution, frame, bug);
        }
        return false;
    }

    /**
     * Sets a timer; {@link #timerExpired} is called with the same arguments when it fires.
     *
     * @return an id for {@link #cancelTimer}
     */
    protected abstract long scheduleTimer(long atMillis, int kind, Frame frame, long token);

    /** Drops a timer that is no longer needed (a stale timer firing is harmless, only wasteful). */
    protected abstract void cancelTimer(long timerId);

    /**
     * Hands the outcome of an asynchronous call, which may arrive on any thread, to the driving
     * thread, which then calls {@link #taskCompleted}. Must not block or throw.
     */
    protected abstract void deliver(TaskOutcome outcome);

    /** Where {@link BlockingTaskHandler}s run. */
    protected abstract BlockingCalls blockingCalls();

    /** A synchronous handler is about to be called on this thread (for a watchdog); no-op by default. */
    protected void calling(Frame frame) {
    }

    /** The synchronous call announced by {@link #calling} returned. */
    protected void called() {
    }


    /**
     * A handler was interrupted on the driving thread (it threw InterruptedException). By default
     * the driving thread's owner wants it to stop: the execution is aborted and the interrupt kept.
     */
    protected void interrupted(Execution execution) {
        Thread.currentThread().interrupt();
        execution.stop(ExecutionStatus.ABORTED, StatesErrors.ABORTED, "The execution was interrupted");
    }

    /**
     * An engine defect surfaced while running an execution: the execution fails with
     * States.Runtime (its cause names the state and the fault; the stack trace goes to the error
     * log) rather than being left unfinished, and the driver goes on.
     */
    protected final void failInternally(Execution execution, Frame frame, Throwable bug) {
        errors.record(EngineErrors.Kind.ENGINE_FAULT, driverName, bug);
        String where = frame != null && frame.state != null ? " in state '" + frame.state.name() + "'" : "";
        execution.stop(ExecutionStatus.FAILED, StatesErrors.RUNTIME,
                "Internal error" + where + ": " + bug + " (the engine's error log has its stack trace)");
    }

    /**
     * A timer fired: resumes the frame if it still waits for that timer. An engine fault on the
     * way fails the execution (see {@link #failInternally}).
     */
    protected final void timerExpired(int kind, Frame frame, long token) {
        frame.execution.newEventTime();
        try {
            if (kind == WAKE) {
                if (frame.status == Frame.Status.WAITING_TIMER && frame.resumePc == token) {
                    frame.pc = frame.resumePc;
                    frame.execution.ready(frame);
                }
            } else if (frame.status == Frame.Status.WAITING_TASK && frame.taskAttempt == token) {
                long due = frame.taskDeadlineMillis();
                if (frame.execution.clock.millis() < due) {
                    // A heartbeat pushed the limit back since this timer was set: wait on.
                    frame.taskTimerId = scheduleTimer(due, TASK_TIMEOUT, frame, token);
                    return;
                }
                if (frame.taskCall != null) {
                    frame.taskCall.cancel(true); // the handler is told the call was abandoned
                    frame.taskCall = null;
                }
                if (frame.taskAnswer != null) {
                    frame.execution.callbacks.timedOut(frame.taskToken()); // a late answer is told so
                }
                Tasks.timedOut(frame);
            }
        } catch (Throwable bug) {
            failInternally(frame.execution, frame, bug);
        }
    }

    /**
     * An asynchronous call ended; outcomes for an attempt the frame no longer waits for are
     * dropped. An engine fault while taking the outcome in fails the execution.
     */
    protected final void taskCompleted(TaskOutcome outcome) {
        if (outcome.kind == TaskOutcome.Kind.RESULT) {
            asyncCallsInFlight--;
        }
        Frame frame = outcome.frame;
        if (frame.status != Frame.Status.WAITING_TASK || frame.taskAttempt != outcome.attempt) {
            return;
        }
        try {
            switch (outcome.kind) {
                case HEARTBEAT -> frame.taskBeatMillis = frame.execution.clock.millis(); // its timer waits on
                case STARTED -> {
                    frame.execution.newEventTime();
                    Tasks.activityStarted(frame, outcome.workerName);
                }
                case RESULT -> {
                    frame.taskCall = null;
                    cancelTimer(frame.taskTimerId);
                    outcome(frame, outcome.result, outcome.error);
                }
            }
        } catch (Throwable bug) {
            failInternally(frame.execution, frame, bug);
        }
    }

    /**
     * Calls the frame's task handler. Only the handler's own failures become task failures; a
     * fault of the engine while it takes the outcome in propagates to {@link #runReady}.
     */
    private void call(Frame frame) {
        TaskRequest request = frame.taskRequest;
        TaskHandler handler;
        try {
            handler = frame.execution.tasks.resolve(request);
        } catch (Throwable error) {
            outcome(frame, null, error);
            return;
        }
        if (handler == Callbacks.WORKERS) {
            CompletableFuture<JsonNode> answer = awaitAnswer(frame);
            if (answer != null) {
                callAsync(frame, answer); // before a worker can take it: its answer finds the frame waiting
                int attempt = frame.taskAttempt;
                frame.execution.callbacks.offer(request.resource(), frame.taskToken(), request.input(),
                        worker -> deliver(TaskOutcome.started(frame, attempt, worker)));
            }
            return;
        }
        if (handler instanceof CallbackIntegration) {
            if (awaitAnswer(frame) == null) {
                return;
            }
            frame.taskSubmitting = true; // the integration's answer is recorded, then the token's awaited
            handler = ((CallbackIntegration) handler).integration();
        }
        if (handler instanceof BlockingTaskHandler) {
            callAsync(frame, blockingCalls().submit(handler, request));
        } else if (handler instanceof AsyncTaskHandler) {
            CompletionStage<JsonNode> stage;
            try {
                stage = ((AsyncTaskHandler) handler).invokeAsync(request);
            } catch (Throwable error) {
                outcome(frame, null, error);
                return;
            }
            if (stage == null) {
                outcome(frame, null, new ExecutionFailure(StatesErrors.TASK_FAILED,
                        "The task handler " + io.quickstep.task.TaskHandlers.describe(handler)
                                + " returned no CompletionStage"));
                return;
            }
            callAsync(frame, stage);
        } else {
            callHere(frame, handler, request);
        }
    }

    /**
     * Calls a synchronous handler on this thread. A result that comes after the state's time limit
     * counts as a timeout, as on AWS, where the task would have been abandoned at its limit.
     */
    private void callHere(Frame frame, TaskHandler handler, TaskRequest request) {
        long due = frame.taskDeadlineMillis(); // from the call's start, read as it was prepared
        JsonNode result = null;
        Throwable error = null;
        calling(frame);
        try {
            result = handler.invoke(request);
        } catch (InterruptedException e) {
            interrupted(frame.execution);
            return;
        } catch (Throwable t) {
            error = t;
        } finally {
            called();
        }
        if (due != Long.MAX_VALUE && frame.execution.clock.millis() > due && !(error instanceof TaskTimeoutException)) {
            Tasks.timedOut(frame);
        } else {
            outcome(frame, result, error);
        }
    }

    private void callAsync(Frame frame, CompletionStage<JsonNode> stage) {
        CompletableFuture<JsonNode> future = stage.toCompletableFuture();
        if (future.isDone()) {
            // Answered already: no thread hop needed.
            JsonNode result = null;
            Throwable error = null;
            try {
                result = future.getNow(null);
            } catch (CompletionException | CancellationException e) {
                error = unwrap(e);
            }
            outcome(frame, result, error);
            return;
        }
        frame.taskCall = future;
        scheduleTaskTimeout(frame);
        int attempt = frame.taskAttempt;
        asyncCallsInFlight++;
        future.whenComplete((result, error) -> deliver(new TaskOutcome(frame, attempt, result, unwrap(error))));
    }

    /** Reports a call's outcome to the VM; a timeout outcome waits for the state's time limit. */
    private void outcome(Frame frame, JsonNode result, Throwable error) {
        frame.execution.newEventTime(); // a call may take long: its outcome is stamped when it came
        if (error == null && frame.taskSubmitting) {
            Tasks.submitted(frame, result);
            callAsync(frame, frame.taskAnswer);
        } else if (error == null) {
            Tasks.succeeded(frame, result);
        } else if (error instanceof TaskTimeoutException) {
            // The call never ends in time: its limit (or, without one, the execution's) decides.
            scheduleTaskTimeout(frame);
        } else if (error instanceof ExecutionFailure) {
            Tasks.failed(frame, (ExecutionFailure) error);
        } else {
            // Counted, and the first of each kind, class and place logged: the task fails either way.
            errors.record(EngineErrors.Kind.HANDLER, "state '" + frame.taskRequest.stateName() + "', resource "
                    + frame.taskRequest.resource(), error);
            Tasks.failed(frame, io.quickstep.task.TaskHandlers.failure(frame.taskRequest, error));
        }
    }

    private void scheduleTaskTimeout(Frame frame) {
        long due = frame.taskDeadlineMillis();
        if (due != Long.MAX_VALUE) {
            frame.taskTimerId = scheduleTimer(due, TASK_TIMEOUT, frame, frame.taskAttempt);
        }
    }

    /**
     * Opens the wait for the answer to the task's token ({@link Frame#taskAnswer}); heartbeats reach
     * this driver as outcomes. Without {@link Callbacks} nobody could answer: the task fails, and
     * null is returned.
     */
    private CompletableFuture<JsonNode> awaitAnswer(Frame frame) {
        Callbacks callbacks = frame.execution.callbacks;
        if (callbacks == null) {
            outcome(frame, null, new ExecutionFailure(StatesErrors.TASK_FAILED, "Task state '"
                    + frame.taskRequest.stateName() + "' waits for an answer to its task token, which nothing here"
                    + " can send: run it on an Engine (Engine.callbacks()) or give the execution a Callbacks"
                    + " (ExecutionOptions.callbacks) and answer through it"));
            return null;
        }
        int attempt = frame.taskAttempt;
        frame.taskAnswer = callbacks.await(frame.taskToken(), () -> deliver(TaskOutcome.heartbeat(frame, attempt)));
        return frame.taskAnswer;
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
