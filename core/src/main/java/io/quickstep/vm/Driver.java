package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionStatus;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskTimeoutException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What every driver of executions does: run ready frames, make the task calls they ask for, and
 * resume them when a timer fires or an asynchronous call ends. A subclass decides where timers live
 * and how an outcome that arrives on another thread gets back onto the driving thread; all other
 * methods run on the driving thread only.
 */
public abstract class Driver {
    /** Timer kinds. */
    protected static final int WAKE = 1;
    protected static final int TASK_TIMEOUT = 2;

    /** Starts an execution: its top frame runs until it first waits, or to the end. */
    protected final void begin(Execution execution, io.quickstep.compiler.Program program, long inputBytes) {
        execution.start(program, inputBytes);
        runReady(execution);
    }

    /** Ends an execution from outside its states: every frame stops, pending calls are abandoned. */
    protected final void end(Execution execution, ExecutionStatus status, String error, String cause) {
        execution.stop(status, error, cause);
    }

    /** Runs the execution's ready frames until none is ready or the execution has ended. */
    protected final void runReady(Execution execution) {
        Frame frame;
        while (execution.result() == null && (frame = execution.nextReady()) != null) {
            Interpreter.run(frame);
            if (frame.status == Frame.Status.WAITING_TASK) {
                call(frame);
            } else if (frame.status == Frame.Status.WAITING_TIMER) {
                scheduleTimer(frame.wakeAtMillis, WAKE, frame, frame.resumePc);
            }
        }
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
     * thread, which then calls {@link #taskCompleted}.
     */
    protected abstract void deliver(Frame frame, int attempt, JsonNode result, Throwable error);

    /** Whether this driver takes asynchronous outcomes; if not, asynchronous handlers are waited for. */
    protected abstract boolean acceptsAsync();

    /** A timer fired: resumes the frame if it still waits for that timer. */
    protected final void timerExpired(int kind, Frame frame, long token) {
        if (kind == WAKE) {
            if (frame.status == Frame.Status.WAITING_TIMER && frame.resumePc == token) {
                frame.pc = frame.resumePc;
                frame.execution.ready(frame);
            }
        } else if (frame.status == Frame.Status.WAITING_TASK && frame.taskAttempt == token) {
            if (frame.taskCall != null) {
                frame.taskCall.cancel(true); // the handler is told the call was abandoned
                frame.taskCall = null;
            }
            Tasks.failed(frame, Tasks.timedOut(frame));
        }
    }

    /** An asynchronous call ended; outcomes for an attempt the frame no longer waits for are dropped. */
    protected final void taskCompleted(Frame frame, int attempt, JsonNode result, Throwable error) {
        if (frame.status != Frame.Status.WAITING_TASK || frame.taskAttempt != attempt) {
            return;
        }
        frame.taskCall = null;
        cancelTimer(frame.taskTimerId);
        outcome(frame, result, error);
    }

    /**
     * Calls the frame's task handler. Only the handler's own failures become task failures; a
     * fault of the engine while it takes the outcome in propagates to the driver.
     */
    private void call(Frame frame) {
        Execution execution = frame.execution;
        CompletionStage<JsonNode> stage = null;
        JsonNode result = null;
        Throwable error = null;
        try {
            TaskHandler handler = execution.tasks.resolve(frame.taskRequest);
            if (handler instanceof AsyncTaskHandler && acceptsAsync()) {
                stage = ((AsyncTaskHandler) handler).invokeAsync(frame.taskRequest);
            } else {
                result = handler.invoke(frame.taskRequest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.stop(ExecutionStatus.ABORTED, "States.Aborted", "The execution was interrupted");
            return;
        } catch (Exception e) {
            error = e;
        }
        if (stage != null) {
            callAsync(frame, stage);
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
            } catch (CompletionException e) {
                error = e.getCause();
            } catch (java.util.concurrent.CancellationException e) {
                error = e;
            }
            outcome(frame, result, error);
            return;
        }
        frame.taskCall = future;
        scheduleTaskTimeout(frame);
        int attempt = frame.taskAttempt;
        future.whenComplete((result, error) -> deliver(frame, attempt, result, unwrap(error)));
    }

    /** Reports a call's outcome to the VM; a timeout outcome waits for the state's time limit. */
    private void outcome(Frame frame, JsonNode result, Throwable error) {
        if (error == null) {
            Tasks.succeeded(frame, result);
        } else if (error instanceof TaskTimeoutException) {
            // The call never ends in time: its limit (or, without one, the execution's) decides.
            scheduleTaskTimeout(frame);
        } else if (error instanceof ExecutionFailure) {
            Tasks.failed(frame, (ExecutionFailure) error);
        } else {
            Tasks.failed(frame, new ExecutionFailure(error.getClass().getSimpleName(), error.getMessage()));
        }
    }

    private void scheduleTaskTimeout(Frame frame) {
        if (frame.taskTimeoutMillis != Long.MAX_VALUE) {
            frame.taskTimerId = scheduleTimer(frame.execution.clock.millis() + frame.taskTimeoutMillis, TASK_TIMEOUT,
                    frame, frame.taskAttempt);
        }
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
