package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files of {@code --out DIR} on either target, read back: they exist, parse, and hold the run's numbers. */
class ReportFilesTest {
    private static final Pattern RUNS = Pattern.compile(
            "<script type=\"application/json\" id=\"runs\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        return new CommandLine(new EmbeddedLoadTest()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute(args);
    }

    @Test
    void anHttpRunWritesTheDistributionTheSummaryAndASelfContainedPageWithItsNumbers() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, execute("--baseline", "--rate", "400", "--duration", "1s", "--warmup", "0",
                "--connections", "2", "--out", run.toString()), out.toString());

        JsonNode summary = readRun(run);
        JsonNode results = summary.path("results");
        assertEquals("requests", results.path("unit").asText());
        assertEquals(400, results.path("measured").asLong());
        // Over the measured second, or until the last answer when that came later (a loaded machine).
        assertTrue(results.path("perSecond").asDouble() > 0 && results.path("perSecond").asDouble() <= 400.0,
                results.toString());
        assertEquals(0, results.path("errors").path("httpErrors").asLong());
        assertEquals(0, results.path("unanswered").asLong());
        assertEquals("400/s", summary.path("settings").path("schedule").asText());
        assertEquals("StartSyncExecution", summary.path("settings").path("api").asText());
        // 400 requests of the baseline's 100 ms at 64 MB: $0.0004, and 2.5 GB-s at $0.06 per GB-hour.
        assertEquals(0.000441666667, summary.path("cost").path("expressDollars").asDouble(), 1e-12);
        assertFalse(summary.path("cost").has("standardDollars"), "the baseline shows no state transitions");
    }

    @Test
    void anEmbeddedRunWritesTheSameFilesWithItsNumbers() throws Exception {
        Path run = dir.resolve("embedded");
        assertEquals(0, execute("--rate", "1000", "--duration", "2", "--warmup", "0", "--shards", "1",
                "--out", run.toString()), out.toString());

        JsonNode summary = readRun(run);
        JsonNode results = summary.path("results");
        assertEquals("executions", results.path("unit").asText());
        long measured = results.path("measured").asLong();
        assertEquals(results.path("accepted").asLong(), measured, "every accepted execution is measured");
        assertEquals(2000, measured + results.path("errors").path("throttled").asLong(), "two seconds at 1000/s");
        assertEquals(0, results.path("errors").path("failedExecutions").asLong());
        assertEquals("open", summary.path("settings").path("loop").asText());
        assertEquals("1000/s", summary.path("settings").path("schedule").asText());
        assertEquals("1", summary.path("settings").path("shards").asText());
        // Without warm-up the cost covers the measured executions: six states each, and at least
        // 100 ms of 64 MB (0.00625 GB-s) each.
        JsonNode cost = summary.path("cost");
        assertEquals(measured, cost.path("executions").asLong());
        assertEquals(measured * 6, cost.path("stateTransitions").asLong());
        assertEquals(measured * 6 * 0.000025, cost.path("standardDollars").asDouble(), 1e-12);
        assertTrue(cost.path("gbSeconds").asDouble() >= measured * 0.00625 - 1e-9, cost.toString());
        assertEquals(measured * 0.000001 + cost.path("gbSeconds").asDouble() * 0.06 / 3600,
                cost.path("expressDollars").asDouble(), 1e-12);
        assertTrue(out.toString().contains("  report: " + run.resolve(ReportFiles.REPORT)), out.toString());
    }

    @Test
    void anEmbeddedMaximumRunWritesTheFilesToo() throws Exception {
        Path run = dir.resolve("max");
        assertEquals(0, execute("--max", "--in-flight", "64", "--duration", "1", "--warmup", "0", "--shards", "1",
                "--out", run.toString()), out.toString());

        JsonNode summary = readRun(run);
        assertEquals("closed", summary.path("settings").path("loop").asText());
        assertEquals("64 in flight", summary.path("settings").path("schedule").asText());
        assertTrue(summary.path("results").path("measured").asLong() > 0, summary.toString());
    }

    @Test
    void anHgrmFileAsOutWritesTheDistributionAloneAsBefore() throws Exception {
        Path hgrm = dir.resolve("latency-only.hgrm");
        assertEquals(0, execute("--rate", "500", "--duration", "1", "--warmup", "0", "--shards", "1",
                "--out", hgrm.toString()), out.toString());

        assertTrue(hgrmTotalCount(hgrm) > 0);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(hgrm), files.toList(), "nothing else written");
        }
        assertTrue(out.toString().contains("latency distribution: " + hgrm + " (give --out a folder for summary.json"),
                out.toString());
    }

    @Test
    void anOutThatIsAFileButNoHgrmIsABadOptionBeforeTheRun() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals(2, execute("--rate", "500", "--duration", "1", "--out", file.toString()));
        assertTrue(out.toString().contains("--out " + file + ": not a folder"), out.toString());
        assertFalse(out.toString().contains("round trip"), "refused before the run: " + out);
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void comparesAnHttpRunAndAnEmbeddedRunOnOnePage() throws Exception {
        assertEquals(0, execute("--baseline", "--rate", "100", "--duration", "500ms", "--warmup", "0",
                "--out", dir.resolve("a").toString()), out.toString());
        assertEquals(0, execute("--rate", "100", "--duration", "1", "--warmup", "0", "--shards", "1",
                "--out", dir.resolve("b").toString()), out.toString());
        assertEquals(0, execute("--compare", dir.resolve("a/summary.json").toString(),
                dir.resolve("b/summary.json").toString(), "--out", dir.toString()), out.toString());

        String page = Files.readString(dir.resolve(ReportFiles.COMPARE));
        List<JsonNode> runs = runsOf(page);
        assertEquals(2, runs.size());
        assertEquals("a", runs.get(0).path("name").asText(), "named after its folder");
        assertEquals("b", runs.get(1).path("name").asText());
        assertEquals(Json.parse(Files.readString(dir.resolve("a/summary.json"))), runs.get(0).path("summary"));
        assertEquals(Json.parse(Files.readString(dir.resolve("b/summary.json"))), runs.get(1).path("summary"));
        assertTrue(page.contains("<h1>Quickstep load tests: a against b</h1>"), page);

        // Up to four on one page.
        assertEquals(0, execute("--compare", dir.resolve("a/summary.json").toString(),
                dir.resolve("b/summary.json").toString(), dir.resolve("a/summary.json").toString(),
                "--out", dir.resolve("three").toString()), out.toString());
        assertEquals(3, runsOf(Files.readString(dir.resolve("three").resolve(ReportFiles.COMPARE))).size());
    }

    @Test
    void refusesToCompareAFileThatIsNoSummary() throws Exception {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"a\": 1}");
        assertEquals(2, execute("--compare", other.toString(), other.toString()));
        assertTrue(out.toString().contains("--compare " + other + ": not a load test summary"), out.toString());
        String five = other.toString();
        assertEquals(2, execute("--compare", five, five, five, five, five));
        assertTrue(out.toString().contains("Unmatched argument"), out.toString());
    }

    /**
     * Reads the three files of a run's folder and checks what every run's files share: the
     * {@code .hgrm}, the summary's latencies, its seconds and the page's data are of the same
     * executions. Returns the summary.
     */
    private static JsonNode readRun(Path run) throws Exception {
        JsonNode summary = Json.parse(Files.readString(run.resolve(ReportFiles.SUMMARY)));
        JsonNode results = summary.path("results");
        long measured = results.path("measured").asLong();
        assertTrue(measured > 0, summary.toString());
        assertEquals(measured, hgrmTotalCount(run.resolve(ReportFiles.HGRM)), "the .hgrm holds the same run");
        assertEquals(measured, sum(summary.path("seconds"), "completed"), "the seconds add up to the run");
        assertTrue(summary.path("percentiles").size() > 5, "the points of the percentile plot");
        JsonNode micros = results.path("latencyMicros");
        assertTrue(micros.path("p50").asDouble() > 0 && micros.path("p50").asDouble() <= micros.path("p99").asDouble()
                && micros.path("p99").asDouble() <= micros.path("max").asDouble(), micros.toString());
        String page = Files.readString(run.resolve(ReportFiles.REPORT));
        assertEquals(summary, runsOf(page).get(0).path("summary"), "the page draws the summary's numbers");
        assertTrue(page.contains("uPlot"), "uPlot is inlined");
        assertFalse(Pattern.compile("<(script|link|img)[^>]*(src|href)=", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "nothing loaded from elsewhere");
        return summary;
    }

    private static List<JsonNode> runsOf(String page) throws Exception {
        Matcher runs = RUNS.matcher(page);
        assertTrue(runs.find(), "the page carries its data");
        List<JsonNode> list = new ArrayList<>();
        Json.parse(runs.group(1)).forEach(list::add);
        return list;
    }

    private static long sum(JsonNode array, String field) {
        long sum = 0;
        for (JsonNode element : array) {
            sum += element.path(field).asLong();
        }
        return sum;
    }

    /**
     * Reads a {@code .hgrm} file: rows of value, percentile, total count (and 1/(1-percentile)),
     * percentiles rising to 1, then a footer holding the total count; returns the count after
     * checking that the last row agrees with the footer.
     */
    private static long hgrmTotalCount(Path hgrm) throws Exception {
        double lastPercentile = -1;
        long lastRowCount = -1;
        long footerCount = -1;
        for (String line : Files.readAllLines(hgrm)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("Value")) {
                continue;
            }
            if (trimmed.startsWith("#[Max")) {
                footerCount = Long.parseLong(trimmed.replaceAll(".*Total count\\s*=\\s*(\\d+).*", "$1"));
            } else if (!trimmed.startsWith("#")) {
                String[] columns = trimmed.split("\\s+");
                assertTrue(Double.parseDouble(columns[0]) >= 0, "a value: " + line);
                double percentile = Double.parseDouble(columns[1]);
                assertTrue(percentile >= lastPercentile, "percentiles must not fall: " + line);
                lastPercentile = percentile;
                lastRowCount = Long.parseLong(columns[2]);
            }
        }
        assertEquals(1.0, lastPercentile);
        assertEquals(footerCount, lastRowCount);
        return footerCount;
    }
}
