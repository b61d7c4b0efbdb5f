package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Map;

/**
 * The JSON summary of an HTTP load run, {@code summary.json}: its settings, its figures, the latency
 * by percentile (the points of the {@code .hgrm} distribution) and its measured seconds. The HTML
 * report draws from it, and {@code --compare} reads two of them back.
 */
final class RunSummary {
    /** Percentile steps per halving of the distance to 100%, as HdrHistogram's own output uses. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1000.0;

    private RunSummary() {
    }

    /** The summary of {@code result}, run with {@code settings} (name to value, as the report lists them). */
    static ObjectNode of(Map<String, String> settings, HttpLoad.Result result) {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        ObjectNode settingsNode = summary.putObject("settings");
        settings.forEach(settingsNode::put);
        Histogram latency = result.latencyNanos();
        ObjectNode results = summary.putObject("results");
        results.put("measured", latency.getTotalCount());
        results.put("requestsPerSecond", round(result.requestsPerSecond()));
        ObjectNode micros = results.putObject("latencyMicros");
        Percentiles.REPORTED.forEach((label, percentile) ->
                micros.put(label, round(latency.getValueAtPercentile(percentile) / NANOS_PER_MICRO)));
        micros.put("max", round(latency.getMaxValue() / NANOS_PER_MICRO));
        ObjectNode errors = results.putObject("errors");
        errors.put("throttled", result.count(Outcome.THROTTLED));
        errors.put("failedExecutions", result.count(Outcome.FAILED_EXECUTION));
        errors.put("httpErrors", result.count(Outcome.HTTP_ERROR));
        errors.put("timeouts", result.count(Outcome.TIMEOUT));
        results.put("unanswered", result.unanswered());
        results.put("connectionsClosed", result.connectionsClosed());
        results.put("generatorLagMicros", round(result.maxLagNanos() / NANOS_PER_MICRO));
        summary.set("percentiles", percentiles(latency));
        ArrayNode seconds = summary.putArray("seconds");
        for (Interval interval : result.intervals()) {
            seconds.addObject().put("second", interval.second()).put("requests", interval.answered())
                    .put("errors", interval.errors())
                    .put("p50Micros", round(interval.p50Nanos() / NANOS_PER_MICRO))
                    .put("p99Micros", round(interval.p99Nanos() / NANOS_PER_MICRO))
                    .put("maxMicros", round(interval.maxNanos() / NANOS_PER_MICRO));
        }
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
