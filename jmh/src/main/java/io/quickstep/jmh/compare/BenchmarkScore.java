package io.quickstep.jmh.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.util.ListStatistics;

import java.util.ArrayList;
import java.util.List;
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
 * @param raw            every measurement iteration's score, of every fork
 */
record BenchmarkScore(String key, String mode, double score, double error, String unit, boolean higherIsBetter,
                      double bytesPerOp, double[] raw) {
    /** JMH's confidence level for {@code scoreError}, used again for pooled runs. */
    private static final double CONFIDENCE = 0.999;

    /**
     * Several runs of one benchmark (rounds of the same jar, say) as one: the mean of all their
     * iterations and its 99.9% interval, as JMH computes them for one run.
     */
    static BenchmarkScore pooled(List<BenchmarkScore> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        ListStatistics all = new ListStatistics();
        double bytes = 0;
        for (BenchmarkScore run : runs) {
            for (double value : run.raw()) {
                all.addValue(value);
            }
            bytes += run.bytesPerOp() / runs.size();
        }
        BenchmarkScore first = runs.get(0);
        double error = all.getN() > 2 ? all.getMeanErrorAt(CONFIDENCE) : Double.NaN;
        return new BenchmarkScore(first.key(), first.mode(), all.getMean(), error, first.unit(), first.higherIsBetter(),
                bytes, first.raw());
    }

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
                        .asDouble(Double.NaN), raw(primary.path("rawData")));
    }

    /** {@code rawData}: an array per fork of each iteration's score, flattened. */
    private static double[] raw(JsonNode rawData) {
        List<Double> values = new ArrayList<>();
        rawData.forEach(fork -> fork.forEach(iteration -> values.add(iteration.asDouble())));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
