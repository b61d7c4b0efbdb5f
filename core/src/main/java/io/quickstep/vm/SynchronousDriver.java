package io.quickstep.vm;

import io.quickstep.api.ExecutionResult;
import io.quickstep.api.ExecutionStatus;
import io.quickstep.compiler.Program;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.task.TaskTimeoutException;

import java.util.PriorityQueue;

/**
 * Drives one execution to its end on the calling thread: runs ready frames, calls task handlers
 * as frames ask for them, and keeps the execution's timers (Wait states, retry back-off, task
 * time limits, the execution's own limit). When nothing is ready it lets the clock pass to the
 * next timer: a virtual clock jumps there at once, the system clock sleeps.
 */
public final class SynchronousDriver {
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
            Frame frame = execution.nextReady();
            if (frame != null) {
                Interpreter.run(frame);
                if (frame.status == Frame.Status.WAITING_TASK) {
                    call(frame);
                    checkDeadline();
                } else if (frame.status == Frame.Status.WAITING_TIMER) {
                    schedule(frame.wakeAtMillis, Timer.WAKE, frame, frame.resumePc);
                }
            } else if (!fireNextTimer()) {
                return execution.result();
            }
        }
        return execution.result();
    }

    /** Calls the frame's task handler and reports the outcome to the VM. */
    private void call(Frame frame) {
        try {
            Tasks.succeeded(frame, execution.tasks.invoke(frame.taskRequest));
        } catch (TaskTimeoutException e) {
            // The call never ends in time: its limit (or, without one, the execution's) decides.
            if (frame.taskTimeoutMillis != Long.MAX_VALUE) {
                schedule(execution.clock.millis() + frame.taskTimeoutMillis, Timer.TASK_TIMEOUT, frame,
                        frame.taskAttempt);
            }
        } catch (ExecutionFailure e) {
            Tasks.failed(frame, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.stop(ExecutionStatus.ABORTED, "States.Aborted", "The execution was interrupted");
        } catch (Exception e) {
            Tasks.failed(frame, new ExecutionFailure(e.getClass().getSimpleName(), e.getMessage()));
        }
    }

    /** A task call takes real time: the execution may have run out of it meanwhile. */
    private void checkDeadline() {
        if (execution.clock.millis() > execution.deadlineMillis) {
            execution.stop(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
        }
    }

    /**
     * Lets time pass to the next timer and fires it, or to the execution's deadline when that comes
     * first (or nothing else is left to wait for); false when the execution was interrupted.
     */
    private boolean fireNextTimer() {
        Timer timer = timers == null ? null : timers.peek();
        if (timer == null || timer.atMillis >= execution.deadlineMillis) {
            timer = new Timer(execution.deadlineMillis, -1, Timer.DEADLINE, null, 0);
        } else {
            timers.poll();
        }
        long delay = timer.atMillis - execution.clock.millis();
        if (delay > 0) {
            try {
                execution.clock.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                execution.stop(ExecutionStatus.ABORTED, "States.Aborted", "The execution was interrupted");
                return false;
            }
        }
        Frame frame = timer.frame;
        switch (timer.kind) {
            case Timer.DEADLINE:
                execution.stop(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
                break;
            case Timer.WAKE:
                if (frame.status == Frame.Status.WAITING_TIMER && frame.resumePc == timer.token) {
                    frame.pc = frame.resumePc;
                    execution.ready(frame);
                }
                break;
            default:
                if (frame.status == Frame.Status.WAITING_TASK && frame.taskAttempt == timer.token) {
                    Tasks.failed(frame, Tasks.timedOut());
                }
        }
        return true;
    }

    private void schedule(long atMillis, int kind, Frame frame, long token) {
        if (timers == null) {
            timers = new PriorityQueue<>();
        }
        timers.add(new Timer(atMillis, timerSequence++, kind, frame, token));
    }

    /** A point in time something waits for; ties fire in the order they were set. */
    private static final class Timer implements Comparable<Timer> {
        static final int DEADLINE = 0;
        static final int WAKE = 1;
        static final int TASK_TIMEOUT = 2;

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
