package io.quickstep.loadtest;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * One measured second of a load run, as its progress line and the report's charts show it: the
 * requests (or executions) that ended in it and the latency percentiles of those.
 *
 * @param second   from 1, the measured second it covers
 * @param completed requests answered (or timed out) in that second; on the embedded engine, executions
 *                  that ended
 * @param errors    of them, those that were not {@link Outcome#OK} (embedded: executions that failed)
 */
record Interval(int second, long completed, long errors, long p50Nanos, long p99Nanos, long maxNanos) {
    private static final double NANOS_PER_MICRO = 1000.0;

    /** The second numbered {@code second}, from its latencies (nanoseconds) and its errors. */
    static Interval of(int second, Histogram latencyNanos, long errors) {
        return new Interval(second, latencyNanos.getTotalCount(), errors, latencyNanos.getValueAtPercentile(50),
                latencyNanos.getValueAtPercentile(99), latencyNanos.getMaxValue());
    }

    /** The progress line of the second: {@code second 3: 5000 requests/s, 0 errors, p50 ... us, p99 ... us}. */
    String progressLine(String unit) {
        return String.format(Locale.ROOT, "  second %d: %d %s/s, %d errors, p50 %.1f us, p99 %.1f us", second,
                completed, unit, errors, p50Nanos / NANOS_PER_MICRO, p99Nanos / NANOS_PER_MICRO);
    }
}
