package io.quickstep.jmh.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jmh/compare BEFORE.json AFTER.json [--threshold PERCENT]}: compares two JMH JSON result
 * files benchmark by benchmark ({@link Change}) and exits 1 when one regressed by more than the
 * threshold (default {@value #DEFAULT_THRESHOLD_PERCENT}%) and more than its variance explains, 0
 * otherwise, 2 when the input is wrong. Either side may be several files, comma-separated (rounds of
 * the same jar): their iterations are pooled ({@link BenchmarkScore#pooled}).
 */
public final class JmhCompare {
    static final double DEFAULT_THRESHOLD_PERCENT = 5;
    static final int EXIT_REGRESSION = 1;
    static final int EXIT_BAD_INPUT = 2;

    private JmhCompare() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a comparison as the command line asks; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        double threshold = DEFAULT_THRESHOLD_PERCENT;
        try {
            for (int i = 0; i < args.length; i++) {
                if ("--threshold".equals(args[i]) && i + 1 < args.length) {
                    threshold = threshold(args[++i]);
                } else if (args[i].startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                } else {
                    files.add(args[i]);
                }
            }
            if (files.size() != 2 || !(threshold >= 0)) {
                throw new IllegalArgumentException("usage: jmh/compare BEFORE.json[,...] AFTER.json[,...] "
                        + "[--threshold PERCENT]");
            }
            return compare(readAll(files.get(0)), readAll(files.get(1)), threshold, out);
        } catch (IllegalArgumentException e) {
            err.println("jmh/compare: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    private static double threshold(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold " + text + ": not a number of percent");
        }
    }

    private static int compare(Map<String, BenchmarkScore> before, Map<String, BenchmarkScore> after,
                               double threshold, PrintStream out) {
        int regressions = 0;
        int compared = 0;
        for (Map.Entry<String, BenchmarkScore> entry : before.entrySet()) {
            BenchmarkScore then = entry.getValue();
            BenchmarkScore now = after.get(entry.getKey());
            if (now == null) {
                out.println("only before  " + entry.getKey());
                continue;
            }
            Change change = Change.of(then, now, threshold);
            out.println(change.describe());
            compared++;
            if (change.verdict() == Change.Verdict.REGRESSION) {
                regressions++;
            }
        }
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> out.println("only after   " + key));
        if (compared == 0) {
            throw new IllegalArgumentException("the two files have no benchmark in common");
        }
        out.printf("%d compared, %d regressed beyond %.1f%% and their variance%n", compared, regressions, threshold);
        return regressions == 0 ? 0 : EXIT_REGRESSION;
    }

    /** The benchmarks of one or more result files ({@code A.json,B.json}), runs of the same key pooled. */
    static Map<String, BenchmarkScore> readAll(String files) {
        Map<String, List<BenchmarkScore>> runs = new LinkedHashMap<>();
        for (String file : files.split(",")) {
            read(Path.of(file)).forEach((key, score) -> runs.computeIfAbsent(key, k -> new ArrayList<>()).add(score));
        }
        Map<String, BenchmarkScore> pooled = new LinkedHashMap<>();
        runs.forEach((key, scores) -> pooled.put(key, BenchmarkScore.pooled(scores)));
        return pooled;
    }

    /** The benchmarks of a JMH JSON result file, by key. */
    static Map<String, BenchmarkScore> read(Path file) {
        JsonNode results;
        try {
            results = Json.parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (!results.isArray()) {
            throw new IllegalArgumentException(file + ": not a JMH JSON result file (java -jar benchmarks.jar -rf json)");
        }
        Map<String, BenchmarkScore> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            if (!result.path("benchmark").isTextual() || !result.path("primaryMetric").path("score").isNumber()) {
                throw new IllegalArgumentException(file + ": an entry without benchmark and primaryMetric.score");
            }
            BenchmarkScore score = BenchmarkScore.of(result);
            scores.put(score.key(), score);
        }
        return scores;
    }
}
