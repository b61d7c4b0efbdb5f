package io.quickstep.jmh.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark's primary result in a JMH JSON result file ({@code -rf json}).
 *
 * @param key   the benchmark's method with its parameters ({@code Class.method a=1 b=x}) and mode
 * @param score the mean score
 * @param error the half-width of JMH's 99.9% confidence interval around it; NaN when JMH gave none
 *              (a single measurement iteration)
 * @param higherIsBetter throughput modes; in time modes lower is better
 * @param bytesPerOp     the gc profiler's {@code gc.alloc.rate.norm}; NaN when run without {@code -prof gc}
 */
record BenchmarkScore(String key, String mode, double score, double error, String unit, boolean higherIsBetter,
                      double bytesPerOp) {

    /** Reads one element of the result file's top-level array. */
    static BenchmarkScore of(JsonNode result) {
        StringBuilder key = new StringBuilder(result.path("benchmark").asText());
        Map<String, String> params = new TreeMap<>();
        result.path("params").properties().forEach(param -> params.put(param.getKey(), param.getValue().asText()));
        params.forEach((name, value) -> key.append(' ').append(name).append('=').append(value));
        String mode = result.path("mode").asText();
        key.append(" [").append(mode).append(']');
        JsonNode primary = result.path("primaryMetric");
        JsonNode error = primary.path("scoreError");
        return new BenchmarkScore(key.toString(), mode, primary.path("score").asDouble(),
                error.isNumber() ? error.asDouble() : Double.NaN, primary.path("scoreUnit").asText(),
                "thrpt".equals(mode), result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score")
                        .asDouble(Double.NaN));
    }
}
