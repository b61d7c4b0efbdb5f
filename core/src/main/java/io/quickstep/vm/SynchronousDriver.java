package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionResult;
import io.quickstep.api.ExecutionStatus;
import io.quickstep.compiler.Program;
import io.quickstep.error.StatesErrors;

import java.util.PriorityQueue;

/**
 * Drives one execution to its end on the calling thread. Task handlers are called on this thread
 * (asynchronous ones are waited for). When no frame is ready the clock passes to the next timer: a
 * virtual clock jumps there at once, the system clock sleeps. The execution's own time limit ends it
 * when the next timer lies beyond it, or after a task call that took longer.
 */
public final class SynchronousDriver extends Driver {
    private final Execution execution;
    /** Created on first use: most executions never wait. */
    private PriorityQueue<Timer> timers;
    private long timerSequence;

    private SynchronousDriver(Execution execution) {
        this.execution = execution;
    }

    /** Runs {@code program} as {@code execution} on its input of {@code inputBytes} bytes. */
    public static ExecutionResult run(Execution execution, Program program, long inputBytes) {
        return new SynchronousDriver(execution).drive(program, inputBytes);
    }

    private ExecutionResult drive(Program program, long inputBytes) {
        execution.start(program, inputBytes);
        while (execution.result() == null) {
            runReady(execution);
            if (execution.result() == null) {
                if (execution.clock.millis() > execution.deadlineMillis) {
                    execution.stop(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
                } else {
                    fireNextTimer();
                }
            }
        }
        return execution.result();
    }

    /**
     * Lets time pass to the next timer and fires it, or to the execution's deadline when that comes
     * first (or nothing else is left to wait for).
     */
    private void fireNextTimer() {
        Timer timer = timers == null ? null : timers.peek();
        boolean deadline = timer == null || timer.atMillis >= execution.deadlineMillis;
        long at = deadline ? execution.deadlineMillis : timer.atMillis;
        long delay = at - execution.clock.millis();
        if (delay > 0) {
            try {
                execution.clock.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                execution.stop(ExecutionStatus.ABORTED, "States.Aborted", "The execution was interrupted");
                return;
            }
        }
        if (deadline) {
            execution.stop(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
        } else {
            timers.poll();
            timerExpired(timer.kind, timer.frame, timer.token);
        }
    }

    @Override
    protected long scheduleTimer(long atMillis, int kind, Frame frame, long token) {
        if (timers == null) {
            timers = new PriorityQueue<>();
        }
        timers.add(new Timer(atMillis, timerSequence, kind, frame, token));
        return timerSequence++;
    }

    @Override
    protected void cancelTimer(long timerId) {
        // One execution's timers: a stale one is skipped when it fires, nothing piles up.
    }

    @Override
    protected void deliver(Frame frame, int attempt, JsonNode result, Throwable error) {
        throw new IllegalStateException("the synchronous driver waits for asynchronous handlers");
    }

    @Override
    protected boolean acceptsAsync() {
        return false;
    }

    /** A point in time something waits for; ties fire in the order they were set. */
    private static final class Timer implements Comparable<Timer> {
        final long atMillis;
        final long sequence;
        final int kind;
        final Frame frame;
        /** What the frame must still be waiting for when the timer fires, else it is stale. */
        final long token;

        Timer(long atMillis, long sequence, int kind, Frame frame, long token) {
            this.atMillis = atMillis;
            this.sequence = sequence;
            this.kind = kind;
            this.frame = frame;
            this.token = token;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(atMillis, other.atMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
