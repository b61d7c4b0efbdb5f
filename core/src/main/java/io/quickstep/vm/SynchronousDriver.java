package io.quickstep.vm;

import io.quickstep.compiler.Program;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.metrics.EngineErrors;

import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives one execution to its end on the calling thread. Synchronous task handlers are called on
 * this thread; asynchronous and blocking ones run elsewhere and their outcomes are waited for, in
 * real time, never past the execution's time limit or the call's own. When no frame is ready and
 * no call is out, the clock passes to the next timer: a virtual clock jumps there at once, the
 * system clock sleeps. The execution's time limit holds whatever the workflow does: between slices
 * of a loop of states, after a slow handler, and while calls are out.
 */
public final class SynchronousDriver extends Driver {
    private final Execution execution;
    /** Created on first use: most executions never wait. */
    private PriorityQueue<Timer> timers;
    private long timerSequence;
    /** Outcomes of asynchronous calls, from the threads that completed them; made on first use. */
    private volatile LinkedBlockingQueue<TaskOutcome> arrivals;

    private SynchronousDriver(Execution execution, EngineErrors errors) {
        super(errors, "the calling thread");
        this.execution = execution;
    }

    /**
     * Runs {@code program} as {@code execution} on its input of {@code inputBytes} bytes; handler
     * errors and engine faults are counted in {@code errors}.
     */
    public static ExecutionResult run(Execution execution, Program program, long inputBytes, EngineErrors errors) {
        return new SynchronousDriver(execution, errors).drive(program, inputBytes);
    }

    private ExecutionResult drive(Program program, long inputBytes) {
        boolean yielded = begin(execution, program, inputBytes);
        while (execution.result() == null) {
            if (Thread.interrupted()) {
                interrupted(execution);
            } else if (execution.clock.millis() >= execution.deadlineMillis) {
                execution.stop(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
            } else if (!yielded) {
                waitForNext();
            }
            yielded = execution.result() == null && runReady(execution);
        }
        return execution.result();
    }

    /**
     * Lets time pass to what comes next: an asynchronous call's outcome, the next timer, or the
     * execution's deadline when that comes first (or nothing else is left to wait for).
     */
    private void waitForNext() {
        Timer timer = timers == null ? null : timers.peek();
        boolean deadline = timer == null || timer.atMillis >= execution.deadlineMillis;
        long at = deadline ? execution.deadlineMillis : timer.atMillis;
        long delay = at - execution.clock.millis();
        try {
            if (asyncCallsInFlight > 0) {
                // A call is out: its outcome may come before the timer, so time passes for real.
                TaskOutcome outcome = arrivals().poll(Math.max(0, delay), TimeUnit.MILLISECONDS);
                if (outcome != null) {
                    taskCompleted(outcome);
                    return;
                }
            } else if (delay > 0) {
                execution.clock.sleep(delay);
            }
        } catch (InterruptedException e) {
            interrupted(execution);
            return;
        }
        if (deadline) {
            execution.stop(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
        } else if (execution.clock.millis() >= timer.atMillis) {
            timers.poll();
            timerExpired(timer.kind, timer.frame, timer.token);
        }
    }

    private LinkedBlockingQueue<TaskOutcome> arrivals() {
        LinkedBlockingQueue<TaskOutcome> queue = arrivals;
        if (queue == null) {
            synchronized (this) {
                queue = arrivals;
                if (queue == null) {
                    queue = new LinkedBlockingQueue<>();
                    arrivals = queue;
                }
            }
        }
        return queue;
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
    protected void deliver(TaskOutcome outcome) {
        arrivals().add(outcome);
    }

    @Override
    protected BlockingCalls blockingCalls() {
        return BlockingCalls.shared();
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
