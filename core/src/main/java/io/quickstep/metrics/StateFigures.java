package io.quickstep.metrics;

import org.HdrHistogram.Histogram;

/**
 * One state's figures since the engine started ({@link StateMachineMetrics#states()}): how many
 * times it was entered, how many of its attempts failed, and the latency of the sampled executions
 * that left it, from entry to exit or final failure, in microseconds.
 *
 * @param latencyMicros a copy of the sampled latencies, this value's own
 */
public record StateFigures(long entered, long errors, Histogram latencyMicros) {
    /** How many latencies were sampled; the percentiles mean something only when this is not 0. */
    public long sampled() {
        return latencyMicros.getTotalCount();
    }

    /** The median sampled latency in microseconds, 0 when none was sampled. */
    public long p50Micros() {
        return latencyMicros.getValueAtPercentile(50);
    }

    /** The 99th percentile of the sampled latency in microseconds, 0 when none was sampled. */
    public long p99Micros() {
        return latencyMicros.getValueAtPercentile(99);
    }

    /** These figures and {@code other}'s together (two versions of a state machine, or two states of one path). */
    public StateFigures plus(StateFigures other) {
        Histogram latency = emptyLatency();
        latency.add(latencyMicros);
        latency.add(other.latencyMicros);
        return new StateFigures(entered + other.entered, errors + other.errors, latency);
    }

    /** An empty, auto-resizing latency histogram, as {@link StateMachineMetrics} keeps them. */
    static Histogram emptyLatency() {
        return new Histogram(2);
    }
}
