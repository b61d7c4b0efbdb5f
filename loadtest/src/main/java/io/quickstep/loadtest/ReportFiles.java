package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of an HTTP load run's {@code --out DIR}: {@value #HGRM} (HdrHistogram's percentile
 * distribution, microseconds), {@value #SUMMARY} ({@link RunSummary}) and {@value #REPORT}, a page
 * that needs no network: the charts are drawn by uPlot, inlined from its webjar with the runs' data.
 * {@code --compare} draws two summaries on one page, {@value #COMPARE}.
 */
final class ReportFiles {
    static final String HGRM = "latency.hgrm";
    static final String SUMMARY = "summary.json";
    static final String REPORT = "report.html";
    static final String COMPARE = "compare.html";
    /** The uPlot webjar's version, as loadtest/pom.xml depends on it. */
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot";
    private static final String TEMPLATE = "report/report.html";

    /** A run to draw: the name its series carry and its summary. */
    record Run(String name, JsonNode summary) {
    }

    private ReportFiles() {
    }

    /** Writes the three files of one run into {@code dir} (made if missing). */
    static void write(Path dir, ObjectNode summary, Histogram latencyNanos) throws IOException {
        Files.createDirectories(dir);
        EmbeddedLoadTest.writeHgrm(latencyNanos, dir.resolve(HGRM));
        Files.writeString(dir.resolve(SUMMARY), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        Files.writeString(dir.resolve(REPORT), html("Quickstep load test: " + summary.path("settings").path("target")
                .asText(), List.of(new Run("run", summary))));
    }

    /** Writes {@value #COMPARE} into {@code dir}: the two runs' summaries drawn together; returns its path. */
    static Path compare(Path dir, Run first, Run second) throws IOException {
        Files.createDirectories(dir);
        Path page = dir.resolve(COMPARE);
        Files.writeString(page, html("Quickstep load tests: " + first.name() + " against " + second.name(),
                List.of(first, second)));
        return page;
    }

    /** The page for {@code runs}: uPlot's script and style and the runs' data inlined into the template. */
    static String html(String title, List<Run> runs) {
        ArrayNode data = Json.MAPPER.createArrayNode();
        for (Run run : runs) {
            data.addObject().put("name", run.name()).set("summary", run.summary());
        }
        // "</" would end the script element the data sits in; JSON reads "<\/" as the same text.
        String json = Json.write(data).replace("</", "<\\/");
        // The data last: nothing in it is taken for a placeholder.
        return resource(TEMPLATE)
                .replace("{{UPLOT_CSS}}", resource(UPLOT + ".min.css"))
                .replace("{{UPLOT_JS}}", resource(UPLOT + ".iife.min.js"))
                .replace("{{TITLE}}", escape(title))
                .replace("{{RUNS}}", json);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the load tester's jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
