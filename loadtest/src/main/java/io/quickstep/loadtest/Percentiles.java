package io.quickstep.loadtest;

import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The latency percentiles every summary reports, by label. */
final class Percentiles {
    /** {@code p50} to {@code p99.99}, in rising order. */
    static final Map<String, Double> REPORTED = reported();

    private static final double NANOS_PER_MICRO = 1000.0;

    private Percentiles() {
    }

    /** {@code p50 X p90 X p99 X p99.9 X p99.99 X max X}, in microseconds. */
    static String line(Histogram latencyNanos) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> percentile : REPORTED.entrySet()) {
            line.append(percentile.getKey()).append(' ').append(String.format(Locale.ROOT, "%.1f",
                    latencyNanos.getValueAtPercentile(percentile.getValue()) / NANOS_PER_MICRO)).append(' ');
        }
        return line.append(String.format(Locale.ROOT, "max %.1f", latencyNanos.getMaxValue() / NANOS_PER_MICRO))
                .toString();
    }

    private static Map<String, Double> reported() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (double percentile : new double[] {50, 90, 99, 99.9, 99.99}) {
            map.put("p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile)
                    : String.valueOf(percentile)), percentile);
        }
        return Collections.unmodifiableMap(map);
    }
}
