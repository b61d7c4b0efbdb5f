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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files of {@code --out DIR}, read back: they exist, parse, and hold the run's numbers. */
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
    void writesTheDistributionTheSummaryAndASelfContainedPageWithTheRunsNumbers() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, execute("--baseline", "--rate", "400", "--duration", "1s", "--warmup", "0",
                "--connections", "2", "--out", run.toString()), out.toString());

        JsonNode summary = Json.parse(Files.readString(run.resolve(ReportFiles.SUMMARY)));
        long measured = summary.path("results").path("measured").asLong();
        assertEquals(400, measured);
        assertEquals(measured, hgrmTotalCount(run.resolve(ReportFiles.HGRM)), "the .hgrm holds the same run");
        assertEquals(400.0, summary.path("results").path("requestsPerSecond").asDouble());
        assertEquals(0, summary.path("results").path("errors").path("httpErrors").asLong());
        assertEquals("400/s", summary.path("settings").path("schedule").asText());
        assertEquals("StartSyncExecution", summary.path("settings").path("api").asText());
        assertTrue(summary.path("percentiles").size() > 5, "the points of the percentile plot");
        assertEquals(measured, sum(summary.path("seconds"), "requests"), "the seconds add up to the run");
        // 400 requests of the baseline's 100 ms at 64 MB: $0.0004, and 2.5 GB-s at $0.06 per GB-hour.
        assertEquals(0.000441666667, summary.path("cost").path("expressDollars").asDouble(), 1e-12);
        assertFalse(summary.path("cost").has("standardDollars"), "the baseline shows no state transitions");
        JsonNode p99 = summary.path("results").path("latencyMicros").path("p99");
        assertTrue(p99.asDouble() > 0 && p99.asDouble() <= summary.path("results").path("latencyMicros").path("max").asDouble());

        String page = Files.readString(run.resolve(ReportFiles.REPORT));
        assertEquals(summary, runsOf(page).get(0).path("summary"), "the page draws the summary's numbers");
        assertTrue(page.contains("uPlot"), "uPlot is inlined");
        assertFalse(Pattern.compile("<(script|link|img)[^>]*(src|href)=", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "nothing loaded from elsewhere");
        assertTrue(out.toString().contains("report: " + run.resolve(ReportFiles.REPORT)), out.toString());
    }

    @Test
    void comparesTwoRunsOnOnePage() throws Exception {
        for (String name : List.of("a", "b")) {
            assertEquals(0, execute("--baseline", "--rate", "100", "--duration", "500ms", "--warmup", "0",
                    "--out", dir.resolve(name).toString()), out.toString());
        }
        assertEquals(0, execute("--compare", dir.resolve("a/summary.json").toString(),
                dir.resolve("b/summary.json").toString(), "--out", dir.toString()), out.toString());

        List<JsonNode> runs = runsOf(Files.readString(dir.resolve(ReportFiles.COMPARE)));
        assertEquals(2, runs.size());
        assertEquals("a/summary.json", runs.get(0).path("name").asText());
        assertEquals("b/summary.json", runs.get(1).path("name").asText());
        assertEquals(Json.parse(Files.readString(dir.resolve("b/summary.json"))), runs.get(1).path("summary"));
    }

    @Test
    void refusesToCompareAFileThatIsNoSummary() throws Exception {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"a\": 1}");
        assertEquals(2, execute("--compare", other.toString(), other.toString()));
        assertTrue(out.toString().contains("--compare " + other + ": not a load test summary"), out.toString());
    }

    private static List<JsonNode> runsOf(String page) throws Exception {
        Matcher runs = RUNS.matcher(page);
        assertTrue(runs.find(), "the page carries its data");
        List<JsonNode> list = new java.util.ArrayList<>();
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

    /** The total count in the footer of a {@code .hgrm} file. */
    private static long hgrmTotalCount(Path hgrm) throws Exception {
        for (String line : Files.readAllLines(hgrm)) {
            if (line.trim().startsWith("#[Max")) {
                return Long.parseLong(line.replaceAll(".*Total count\\s*=\\s*(\\d+).*", "$1"));
            }
        }
        throw new AssertionError("no footer in " + hgrm);
    }
}
