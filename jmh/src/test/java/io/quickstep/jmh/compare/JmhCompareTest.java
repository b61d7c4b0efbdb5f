package io.quickstep.jmh.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jmh/compare} on crafted JMH result files. */
class JmhCompareTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aThroughputFallBeyondTheThresholdAndTheErrorsIsARegression() throws Exception {
        // 1000 ± 10 -> 900 ± 10: -10%, interval ± 1.4%.
        int exit = compare(result(thrpt("A.run", 1000, 10)), result(thrpt("A.run", 900, 10)));

        assertEquals(1, exit, out());
        assertTrue(out().contains("regression   A.run [thrpt]: 1000.000 ± 10.000 -> 900.000 ± 10.000 ops/s, -10.0% ± 1.4%"),
                out());
        assertTrue(out().contains("1 compared, 1 regressed beyond 5.0% and their variance"), out());
    }

    @Test
    void aFallThatTheBenchmarksOwnVarianceExplainsIsNoRegression() throws Exception {
        // -10%, but each score is ± 100: the interval of the change (± 14.1%) holds zero.
        int exit = compare(result(thrpt("A.run", 1000, 100)), result(thrpt("A.run", 900, 100)));

        assertEquals(0, exit, out());
        assertTrue(out().contains("within noise A.run [thrpt]"), out());
    }

    @Test
    void aFallBelowTheThresholdIsNoRegressionEvenWhenCertain() throws Exception {
        assertEquals(0, compare(result(thrpt("A.run", 1000, 1)), result(thrpt("A.run", 970, 1))), out());
        assertEquals(1, compare(result(thrpt("A.run", 1000, 1)), result(thrpt("A.run", 970, 1)), "--threshold", "2"));
    }

    @Test
    void inTimeModesARiseIsTheRegressionAndAFallTheImprovement() throws Exception {
        int exit = compare(result(avgt("B.time", 100, 1), avgt("C.time", 100, 1)),
                result(avgt("B.time", 120, 1), avgt("C.time", 80, 1)));

        assertEquals(1, exit, out());
        assertTrue(out().contains("regression   B.time [avgt]"), out());
        assertTrue(out().contains("improvement  C.time [avgt]"), out());
    }

    @Test
    void benchmarksAreMatchedByTheirParametersAndTheRestListed() throws Exception {
        String before = "[" + entry("W.run", "thrpt", "{\"definition\": \"a.json\"}", 100, 1) + ","
                + entry("W.run", "thrpt", "{\"definition\": \"b.json\"}", 100, 1) + "]";
        String after = "[" + entry("W.run", "thrpt", "{\"definition\": \"b.json\"}", 101, 1) + ","
                + entry("W.new", "thrpt", "{}", 5, 1) + "]";
        assertEquals(0, compare(before, after), out());
        assertTrue(out().contains("within noise W.run definition=b.json [thrpt]"), out());
        assertTrue(out().contains("only before  W.run definition=a.json [thrpt]"), out());
        assertTrue(out().contains("only after   W.new [thrpt]"), out());
    }

    @Test
    void showsTheBytesAllocatedPerOperationWhenBothRunsHadTheGcProfiler() throws Exception {
        String gc = ", \"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": %d, \"scoreUnit\": \"B/op\"}}}";
        String before = "[" + thrpt("A.run", 1000, 1).replaceFirst(", \"secondaryMetrics\": \\{}}$", String.format(gc, 4720)) + "]";
        String after = "[" + thrpt("A.run", 1000, 1).replaceFirst(", \"secondaryMetrics\": \\{}}$", String.format(gc, 4944)) + "]";
        assertEquals(0, compare(before, after), out());
        assertTrue(out().contains("; allocated 4720 -> 4944 B/op"), out());
    }

    @Test
    void aSingleIterationHasNoErrorAndIsJudgedByTheThresholdAlone() throws Exception {
        String before = "[" + entry("A.run", "thrpt", "{}", 1000, Double.NaN) + "]";
        String after = "[" + entry("A.run", "thrpt", "{}", 800, Double.NaN) + "]";
        assertEquals(1, compare(before, after), out());
        assertTrue(out().contains("-20.0% (no error estimate)"), out());
    }

    @Test
    void poolsTheIterationsOfSeveralRoundsOfEachSide() throws Exception {
        // Before: rounds of 100, 102, 98 and 101, 99, 100 ops/s; after: 90, 91, 89 and 90, 92, 88.
        Path before1 = Files.writeString(dir.resolve("b1.json"), result(raw("A.run", 100, 102, 98)));
        Path before2 = Files.writeString(dir.resolve("b2.json"), result(raw("A.run", 101, 99, 100)));
        Path after1 = Files.writeString(dir.resolve("a1.json"), result(raw("A.run", 90, 91, 89)));
        Path after2 = Files.writeString(dir.resolve("a2.json"), result(raw("A.run", 90, 92, 88)));
        int exit = JmhCompare.run(new String[] {before1 + "," + before2, after1 + "," + after2}, stream(out), stream(err));

        assertEquals(1, exit, out() + err());
        // Means 100 and 90 over six iterations each: -10%.
        assertTrue(out().contains("regression   A.run [thrpt]: 100.000 ± "), out());
        assertTrue(out().contains(" -> 90.000 ± "), out());
        assertTrue(out().contains("-10.0% ± "), out());
    }

    @Test
    void namesAFileThatIsNoResultFile() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), result(thrpt("A.run", 1, 0)));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"benchmark\": 1}");
        assertEquals(2, JmhCompare.run(new String[] {good.toString(), bad.toString()}, stream(out), stream(err)));
        assertTrue(err().contains("jmh/compare: " + bad + ": not a JMH JSON result file"), err());
        assertEquals(2, JmhCompare.run(new String[] {good.toString(), dir.resolve("missing.json").toString()},
                stream(out), stream(err)));
        assertTrue(err().contains("missing.json: no such file"), err());
        assertEquals(2, JmhCompare.run(new String[] {good.toString()}, stream(out), stream(err)));
        assertTrue(err().contains("usage: jmh/compare BEFORE.json[,...] AFTER.json[,...]"), err());
    }

    private int compare(String before, String after, String... options) throws Exception {
        Path first = Files.writeString(dir.resolve("before.json"), before);
        Path second = Files.writeString(dir.resolve("after.json"), after);
        String[] args = new String[options.length + 2];
        args[0] = first.toString();
        args[1] = second.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return JmhCompare.run(args, stream(out), stream(err));
    }

    private static String result(String... entries) {
        return "[" + String.join(",", entries) + "]";
    }

    /** A result whose one fork measured {@code iterations}, its score their mean (JMH's error left out). */
    private static String raw(String benchmark, double... iterations) {
        double mean = java.util.Arrays.stream(iterations).average().orElseThrow();
        StringBuilder values = new StringBuilder();
        for (double value : iterations) {
            values.append(values.length() == 0 ? "" : ", ").append(value);
        }
        return entry(benchmark, "thrpt", "{}", mean, 0).replace("\"rawData\": [[1, 2, 3]]", "\"rawData\": [[" + values + "]]");
    }

    private static String thrpt(String benchmark, double score, double error) {
        return entry(benchmark, "thrpt", "{}", score, error);
    }

    private static String avgt(String benchmark, double score, double error) {
        return entry(benchmark, "avgt", "{}", score, error);
    }

    /** One result as JMH 1.37 writes it with -rf json (the fields the comparison reads, and a few more). */
    private static String entry(String benchmark, String mode, String params, double score, double error) {
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "%s", "mode": "%s", "threads": 1, "forks": 1,
                 "params": %s,
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreConfidence": [0, 0],
                   "scoreUnit": "%s", "rawData": [[1, 2, 3]]}, "secondaryMetrics": {}}""", benchmark, mode, params, score,
                Double.isNaN(error) ? "\"NaN\"" : String.valueOf(error), "thrpt".equals(mode) ? "ops/s" : "ns/op");
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
