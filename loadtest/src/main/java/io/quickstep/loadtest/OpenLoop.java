package io.quickstep.loadtest;

import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop generator: the calling thread starts the i-th execution at {@code t0 + i / rate},
 * whatever became of the earlier ones, and each execution's latency counts from that intended start,
 * not from when the generator got round to it. A stall (in the engine, the GC or the generator)
 * therefore shows in the latency of every execution scheduled during it: coordinated omission is
 * corrected. A throttled start is counted and not retried, as a client answered ThrottlingException.
 */
final class OpenLoop {
    /** Highest rate: keeps {@code i * 1e9} within a long for the longest schedule. */
    static final long MAX_RATE = 10_000_000;
    /** How far ahead of a due start the generator stops parking and spins (parks overshoot). */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Warm-up seconds below the full rate: at 1/8, 1/4 and 1/2 of it. */
    private static final int WARMUP_STEPS = 3;

    /**
     * What the measured part of a run did (the warm-up's executions are not in it).
     *
     * @param elapsedNanos  from the measurement start until the last execution ended
     * @param drained       whether every execution ended before the drain timeout
     * @param maxLagNanos   the furthest behind its schedule the generator started an execution: when
     *                      the latency tail is about as long, the generator (or the machine) stalled,
     *                      not only the engine
     * @param intervals     the measured seconds, by when their executions ended
     */
    record Result(long accepted, long throttled, long succeeded, long failed, long elapsedNanos,
                  boolean drained, long maxLagNanos, Histogram latencyNanos, List<Interval> intervals) {

        /** Executions that ended, per second. */
        double throughput() {
            return (succeeded + failed) * 1e9 / elapsedNanos;
        }
    }

    private OpenLoop() {
    }

    /**
     * Warms up, then measures. The warm-up climbs to the rate in steps (an eighth, a quarter, a half
     * of it, a second each, waiting for each step's executions to end) so that the engine, still being
     * compiled, never builds a backlog: code warmed on the path a backlog takes would be deoptimised
     * when the measured run takes the other. The remaining warm-up seconds run at the full rate in the
     * same schedule as the measured ones, which begin without a seam. {@code progress} is told of each
     * measured second as it ends, on a thread of its own.
     */
    static Result run(Engine engine, OrderWorkload workload, long ratePerSecond, int warmupSeconds,
                      int durationSeconds, Consumer<Interval> progress) throws InterruptedException {
        int steps = Math.min(warmupSeconds, WARMUP_STEPS);
        for (int step = 0; step < steps; step++) {
            long rate = Math.max(1, ratePerSecond >> (WARMUP_STEPS - step));
            long t0 = System.nanoTime();
            // Recorded and thrown away, so that recording is compiled before it counts.
            Completions warmup = new Completions(t0);
            schedule(engine, workload, warmup, t0, 0, rate, rate);
            warmup.awaitDrained(DRAIN_TIMEOUT_NANOS);
        }
        long warmupStarts = ratePerSecond * (warmupSeconds - steps);
        long t0 = System.nanoTime();
        long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmupSeconds - steps);
        Completions completions = new Completions(measureFrom).readSeconds(progress);
        Schedule measured = schedule(engine, workload, completions, t0, warmupStarts,
                warmupStarts + ratePerSecond * durationSeconds, ratePerSecond);
        boolean drained = completions.awaitDrained(DRAIN_TIMEOUT_NANOS);
        long elapsed = System.nanoTime() - measureFrom;
        Histogram latencyNanos = completions.latencyNanos();
        return new Result(measured.accepted, measured.throttled, completions.succeeded(), completions.failed(),
                elapsed, drained, measured.maxLag, latencyNanos, completions.intervals());
    }

    /** What the generator did in the measured part of a schedule. */
    private record Schedule(long accepted, long throttled, long maxLag) {
    }

    /**
     * Starts {@code total} executions, the i-th at {@code t0 + i / rate}, counting those from
     * {@code measuredFrom} on.
     */
    private static Schedule schedule(Engine engine, OrderWorkload workload, Completions completions, long t0,
                                     long measuredFrom, long total, long ratePerSecond) {
        long accepted = 0;
        long throttled = 0;
        long maxLag = 0;
        long i = 0;
        while (i < total) {
            // Every start that is due goes now, in one batch, each with its own intended time.
            long now = System.nanoTime();
            long intended;
            while (i < total && (intended = intendedStart(t0, i, ratePerSecond)) - now <= 0) {
                StartResult.Status code = completions.start(engine, workload, intended);
                if (code == StartResult.Status.SHUT_DOWN) {
                    throw new IllegalStateException("the engine shut down during the run");
                }
                if (i >= measuredFrom) {
                    maxLag = Math.max(maxLag, now - intended);
                    if (code == StartResult.Status.ACCEPTED) {
                        accepted++;
                    } else {
                        throttled++;
                    }
                }
                i++;
            }
            if (i < total) {
                waitUntil(intendedStart(t0, i, ratePerSecond));
            }
        }
        return new Schedule(accepted, throttled, maxLag);
    }

    private static long intendedStart(long t0, long i, long ratePerSecond) {
        return t0 + i * 1_000_000_000L / ratePerSecond;
    }

    /** Parks while the deadline is far off, then spins: a park overshoots by tens of microseconds. */
    private static void waitUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
