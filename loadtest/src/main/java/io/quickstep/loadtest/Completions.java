package io.quickstep.loadtest;

import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionListener;
import io.quickstep.api.ExecutionResult;
import io.quickstep.api.StartResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches accepted executions to their end. For each one meant to start at or after the measurement
 * start it counts how it ended and records its latency, in nanoseconds from its intended start, into
 * a {@link Recorder} (wait-free for any number of writer threads). Earlier (warm-up) executions are
 * only waited for.
 *
 * <p>Executions are started with the engine's listener form and the listeners are pooled, so once the
 * pool has grown to the number in flight the generator allocates nothing of its own per execution.
 */
final class Completions {
    /** Latencies are recorded up to an hour; longer ones count as an hour. */
    private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

    private final long measureFromNanos;
    private final Recorder latencyNanos = new Recorder(HIGHEST_NANOS, 3);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    /**
     * Idle callbacks, a stack linked through them: pushed by whichever thread ran them, popped by the
     * generator thread only, so a pop cannot be fooled by a callback that left and came back (ABA).
     */
    private final AtomicReference<Callback> idle = new AtomicReference<>();

    /** @param measureFromNanos the {@link System#nanoTime()} from which intended starts are measured */
    Completions(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    /**
     * Starts an execution of the workload and watches it to its end; called by the generator thread
     * only. Returns the engine's {@link StartResult} code.
     */
    int start(Engine engine, OrderWorkload workload, long intendedStartNanos) {
        Callback callback = pop();
        callback.intendedStartNanos = intendedStartNanos;
        // Counted before the start: the execution may end on the shard before start returns.
        inFlight.incrementAndGet();
        int code = engine.start(workload.machine(), workload.input(), null, workload.tasks(), callback);
        if (code != StartResult.ACCEPTED) {
            inFlight.decrementAndGet();
            push(callback);
        }
        return code;
    }

    private Callback pop() {
        Callback top;
        do {
            top = idle.get();
            if (top == null) {
                return new Callback();
            }
        } while (!idle.compareAndSet(top, top.next));
        return top;
    }

    private void push(Callback callback) {
        Callback top;
        do {
            top = idle.get();
            callback.next = top;
        } while (!idle.compareAndSet(top, callback));
    }

    long inFlight() {
        return inFlight.get();
    }

    /** Waits until every watched execution has ended; false when the timeout passed first. */
    boolean awaitDrained(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
        return true;
    }

    long succeeded() {
        return succeeded.sum();
    }

    /** Measured executions that ended other than SUCCEEDED. */
    long failed() {
        return failed.sum();
    }

    /** The measured latencies (nanoseconds); call once, when drained. */
    Histogram latencyNanos() {
        return latencyNanos.getIntervalHistogram();
    }

    /** Runs on the shard's thread as the execution ends, so it does as little as it can. */
    private final class Callback implements ExecutionListener {
        long intendedStartNanos;
        /** The next idle callback, while this one is idle. */
        Callback next;

        @Override
        public void ended(ExecutionResult result) {
            long intended = intendedStartNanos;
            if (intended - measureFromNanos >= 0) {
                latencyNanos.recordValue(Math.min(System.nanoTime() - intended, HIGHEST_NANOS));
                (result.succeeded() ? succeeded : failed).increment();
            }
            // After recording, so that a drained count means every latency is in; then back to the
            // pool, after which the generator may reuse this callback at once.
            inFlight.decrementAndGet();
            push(this);
        }
    }
}
