package io.quickstep.loadtest;

import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.execution.ExecutionResult;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Watches accepted executions to their end. For each one meant to start at or after the measurement
 * start it counts how it ended and records its latency, in nanoseconds from its intended start, into
 * {@link LatencySeconds} (wait-free for any number of writer threads; read off once a second when
 * {@link #readSeconds} was called). Earlier (warm-up) executions are only waited for.
 *
 * <p>Executions are started with the engine's listener form, each with a small listener of its own
 * that carries its intended start. The generator and the shards share no pool and no counter they
 * both write: on a machine whose cores share no cache, every such line would cross between cores
 * twice per execution and show in the latency measured.
 */
final class Completions {
    /** Latencies are recorded up to an hour; longer ones count as an hour. */
    private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

    private final long measureFromNanos;
    private final LatencySeconds latencyNanos = new LatencySeconds(HIGHEST_NANOS);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    /** Accepted executions; written by the generator thread only. */
    private long accepted;
    /** Executions that ended; written by the shards only. */
    private final LongAdder ended = new LongAdder();

    /** @param measureFromNanos the {@link System#nanoTime()} from which intended starts are measured */
    Completions(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    /**
     * Reads each measured second off as it ends, from the measurement start on, and tells
     * {@code progress} of it (on a thread of its own); without it the measured time is one interval.
     */
    Completions readSeconds(Consumer<Interval> progress) {
        latencyNanos.start(measureFromNanos, progress);
        return this;
    }

    /**
     * Starts an execution of the workload and watches it to its end; called by the generator thread
     * only. Returns whether the engine took it.
     */
    StartResult.Status start(Engine engine, OrderWorkload workload, long intendedStartNanos) {
        StartResult.Status code = engine.start(workload.machine(), workload.input(), null, workload.tasks(),
                new Callback(intendedStartNanos));
        if (code == StartResult.Status.ACCEPTED) {
            accepted++;
        }
        return code;
    }

    /** Executions accepted and not yet ended; called by the generator thread only. */
    long inFlight() {
        return accepted - ended.sum();
    }

    /**
     * Waits until every watched execution has ended; false when the timeout passed first. Called by
     * the generator thread only.
     */
    boolean awaitDrained(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (inFlight() > 0) {
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
    Histogram latencyNanos() throws InterruptedException {
        return latencyNanos.finish();
    }

    /** The measured seconds, by when their executions ended; after {@link #latencyNanos()}. */
    List<Interval> intervals() {
        return latencyNanos.intervals();
    }

    /** Runs on the shard's thread as the execution ends, so it does as little as it can. */
    private final class Callback implements ExecutionListener {
        private final long intendedStartNanos;

        Callback(long intendedStartNanos) {
            this.intendedStartNanos = intendedStartNanos;
        }

        @Override
        public void ended(ExecutionResult result) {
            if (intendedStartNanos - measureFromNanos >= 0) {
                latencyNanos.record(Math.min(System.nanoTime() - intendedStartNanos, HIGHEST_NANOS), !result.succeeded());
                (result.succeeded() ? succeeded : failed).increment();
            }
            // After recording, so that a drained count means every latency is in.
            ended.increment();
        }
    }
}
