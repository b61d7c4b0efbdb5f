package io.quickstep.loadtest;

import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * The closed-loop measurement of the highest sustainable rate: the calling thread keeps a bounded
 * number of executions in flight, starting another whenever one ends, and counts the executions that
 * ended during the measured window. Latency is not printed: in a closed loop it only says how long
 * the queue was (the report files show it, from each execution's start).
 */
final class MaxThroughput {
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param executionsPerSecond over the whole measured window
     * @param perSecond           executions that ended in each measured second, in order
     * @param throttled           starts refused in the measured window (retried, so they cost no execution)
     * @param failed              executions started in the measured window that did not succeed
     * @param latencyNanos        of the executions started in the measured window, from their start
     * @param intervals           those executions' seconds, by when they ended
     */
    record Result(double executionsPerSecond, long[] perSecond, long throttled, long failed, boolean drained,
                  Histogram latencyNanos, List<Interval> intervals) {
    }

    private MaxThroughput() {
    }

    /** Warms up, then measures; {@code progress} is told of each measured second, on a thread of its own. */
    static Result run(Engine engine, OrderWorkload workload, int maxInFlight, int warmupSeconds,
                      int durationSeconds, Consumer<Interval> progress) throws InterruptedException {
        long second = TimeUnit.SECONDS.toNanos(1);
        long measureFrom = System.nanoTime() + warmupSeconds * second;
        Completions completions = new Completions(measureFrom).readSeconds(progress);
        long[] perSecond = new long[durationSeconds];
        int current = -1; // the measured second under way; -1 during the warm-up
        long nextBoundary = measureFrom;
        long windowStart = 0;
        long endedAtLastBoundary = 0;
        long started = 0;
        long throttled = 0;
        long now;
        while (true) {
            now = System.nanoTime();
            if (now - nextBoundary >= 0) {
                // Executions ended so far are those started less those in flight.
                long ended = started - completions.inFlight();
                if (current < 0) {
                    windowStart = now;
                } else {
                    perSecond[current] = ended - endedAtLastBoundary;
                }
                if (++current == durationSeconds) {
                    break;
                }
                endedAtLastBoundary = ended;
                nextBoundary += second;
            }
            if (completions.inFlight() >= maxInFlight) {
                // The shards have plenty to do: give them the CPU if they are short of one.
                Thread.yield();
                continue;
            }
            StartResult.Status code = completions.start(engine, workload, now);
            if (code == StartResult.Status.ACCEPTED) {
                started++;
            } else if (code == StartResult.Status.THROTTLED) {
                if (current >= 0) {
                    throttled++;
                }
                Thread.onSpinWait();
            } else {
                throw new IllegalStateException("the engine shut down during the run");
            }
        }
        double executionsPerSecond = LongStream.of(perSecond).sum() * 1e9 / (now - windowStart);
        boolean drained = completions.awaitDrained(DRAIN_TIMEOUT_NANOS);
        Histogram latencyNanos = completions.latencyNanos();
        return new Result(executionsPerSecond, perSecond, throttled, completions.failed(), drained, latencyNanos,
                completions.intervals());
    }
}
