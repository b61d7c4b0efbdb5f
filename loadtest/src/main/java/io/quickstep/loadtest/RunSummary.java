package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.List;
import java.util.Map;

/**
 * The JSON summary of a load run on either target, {@code summary.json}: its settings, its figures,
 * the latency by percentile (the points of the {@code .hgrm} distribution), its measured seconds and
 * what it would cost on AWS. The HTML report draws from it, and {@code --compare} reads two of them
 * back.
 */
final class RunSummary {
    /** Percentile steps per halving of the distance to 100%, as HdrHistogram's own output uses. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1000.0;

    /**
     * What a run measured, as the summary reports it.
     *
     * @param unit         what the run counts: {@code requests} over HTTP, {@code executions} embedded
     * @param latencyNanos the measured latencies
     * @param perSecond    measured requests (executions) that ended, per second
     * @param errors       measured ones that did not end well, by type
     * @param counts       other counts of the target (requests unanswered, executions accepted, ...)
     * @param maxLagNanos  how late the generator was at worst
     * @param intervals    the measured seconds
     */
    record Figures(String unit, Histogram latencyNanos, double perSecond, Map<String, Long> errors,
                   Map<String, Long> counts, long maxLagNanos, List<Interval> intervals) {
    }

    private RunSummary() {
    }

    /**
     * The summary of a run with {@code settings} (name to value, as the report lists them) that
     * measured {@code figures} and would cost {@code cost} on AWS.
     */
    static ObjectNode of(Map<String, String> settings, Figures figures, RunCost cost) {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        ObjectNode settingsNode = summary.putObject("settings");
        settings.forEach(settingsNode::put);
        Histogram latency = figures.latencyNanos();
        ObjectNode results = summary.putObject("results");
        results.put("unit", figures.unit());
        results.put("measured", latency.getTotalCount());
        results.put("perSecond", round(figures.perSecond()));
        ObjectNode micros = results.putObject("latencyMicros");
        Percentiles.REPORTED.forEach((label, percentile) ->
                micros.put(label, round(latency.getValueAtPercentile(percentile) / NANOS_PER_MICRO)));
        micros.put("max", round(latency.getMaxValue() / NANOS_PER_MICRO));
        ObjectNode errors = results.putObject("errors");
        figures.errors().forEach(errors::put);
        figures.counts().forEach(results::put);
        results.put("generatorLagMicros", round(figures.maxLagNanos() / NANOS_PER_MICRO));
        summary.set("percentiles", percentiles(latency));
        ArrayNode seconds = summary.putArray("seconds");
        for (Interval interval : figures.intervals()) {
            seconds.addObject().put("second", interval.second()).put("completed", interval.completed())
                    .put("errors", interval.errors())
                    .put("p50Micros", round(interval.p50Nanos() / NANOS_PER_MICRO))
                    .put("p99Micros", round(interval.p99Nanos() / NANOS_PER_MICRO))
                    .put("maxMicros", round(interval.maxNanos() / NANOS_PER_MICRO));
        }
        summary.set("cost", cost.toJson());
        return summary;
    }

    /** {@code [[percentile, micros], ...]} below 100%, rising, as the {@code .hgrm} rows. */
    private static ArrayNode percentiles(Histogram latency) {
        ArrayNode points = Json.MAPPER.createArrayNode();
        if (latency.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue value : latency.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100) {
                break;
            }
            points.addArray().add(percentile).add(round(value.getValueIteratedTo() / NANOS_PER_MICRO));
        }
        return points;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
