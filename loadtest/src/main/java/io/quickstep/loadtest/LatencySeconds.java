package io.quickstep.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Latencies recorded from any number of threads (the shards, as executions end), and read off once a
 * second into an {@link Interval} by a timer thread of its own, so that neither the recording threads
 * nor the generator pay for the percentiles. Recording is wait-free ({@link Recorder}).
 */
final class LatencySeconds {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Recorder recorder;
    private final LongAdder errors = new LongAdder();
    private Consumer<Interval> progress = interval -> { };
    /** Read and written by the timer thread, then by {@link #finish()} once the timer has stopped. */
    private final Histogram total;
    private final List<Interval> intervals = new ArrayList<>();
    private Histogram second;
    private ScheduledExecutorService timer;

    /** @param highestNanos the highest latency recorded; higher ones are recorded as it */
    LatencySeconds(long highestNanos) {
        this.recorder = new Recorder(highestNanos, 3);
        this.total = new Histogram(highestNanos, 3);
    }

    /**
     * Starts reading a second off at {@code measureFromNanos} + 1 s, + 2 s, ... (of {@link System#nanoTime()}),
     * telling {@code progress} of each (on the timer thread); without it, {@link #finish()} takes every
     * latency as one interval.
     */
    void start(long measureFromNanos, Consumer<Interval> progress) {
        this.progress = progress;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "loadtest-seconds");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.max(0, measureFromNanos + SECOND - System.nanoTime());
        timer.scheduleAtFixedRate(this::endSecond, first, SECOND, TimeUnit.NANOSECONDS);
    }

    /** Records one latency, of an error or not; any thread. */
    void record(long nanos, boolean error) {
        recorder.recordValue(nanos);
        if (error) {
            errors.increment();
        }
    }

    /**
     * Stops the timer and ends the second under way, if anything was recorded in it; returns every
     * latency recorded. Call once, after the last {@link #record}.
     */
    Histogram finish() throws InterruptedException {
        if (timer != null) {
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.MINUTES);
        }
        second = recorder.getIntervalHistogram(second);
        if (second.getTotalCount() > 0) {
            add(second);
        }
        return total;
    }

    /** The seconds read off, in order; after {@link #finish()}. */
    List<Interval> intervals() {
        return List.copyOf(intervals);
    }

    private void endSecond() {
        second = recorder.getIntervalHistogram(second);
        add(second);
    }

    private void add(Histogram latencies) {
        total.add(latencies);
        Interval interval = Interval.of(intervals.size() + 1, latencies, errors.sumThenReset());
        intervals.add(interval);
        progress.accept(interval);
    }
}
