package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of a load run's {@code --out DIR}, on either target: {@value #HGRM} (HdrHistogram's
 * percentile distribution, microseconds), {@value #SUMMARY} ({@link RunSummary}) and {@value #REPORT},
 * a page that needs no network: the charts are drawn by uPlot, inlined from its webjar with the runs'
 * data. {@code --out FILE.hgrm} (as the embedded target took before it wrote reports) writes the
 * distribution alone. {@code --compare} draws two summaries on one page, {@value #COMPARE}.
 */
final class ReportFiles {
    static final String HGRM = "latency.hgrm";
    static final String SUMMARY = "summary.json";
    static final String REPORT = "report.html";
    static final String COMPARE = "compare.html";
    /** The most runs one page draws: as many as the page has colours for. */
    static final int MAX_COMPARED = 4;
    /** The uPlot webjar's version, as loadtest/pom.xml depends on it. */
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot";
    private static final String TEMPLATE = "report/report.html";
    private static final double NANOS_PER_MICRO = 1000.0;

    /** A run to draw: the name its series carry and its summary. */
    record Run(String name, JsonNode summary) {
    }

    private ReportFiles() {
    }

    /** Whether {@code out} asks for the distribution alone: a {@code .hgrm} file rather than a folder. */
    static boolean hgrmOnly(Path out) {
        return out.getFileName() != null && out.getFileName().toString().endsWith(".hgrm") && !Files.isDirectory(out);
    }

    /**
     * Checks {@code --out} before the run, so that a path it cannot write fails at once, and makes
     * the folder (for {@code FILE.hgrm}, the folder it goes in). Returns what is wrong, or null.
     */
    static String problem(Path out) {
        if (out == null) {
            return null;
        }
        if (!hgrmOnly(out) && Files.exists(out) && !Files.isDirectory(out)) {
            return "--out " + out + ": not a folder (give a folder for " + HGRM + ", " + SUMMARY + " and " + REPORT
                    + ", or FILE.hgrm for the distribution alone)";
        }
        Path folder = hgrmOnly(out) ? out.toAbsolutePath().getParent() : out;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return "--out " + out + ": cannot make the folder " + folder + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")";
        }
        return null;
    }

    /**
     * Writes the files of one run into folder {@code out} (made if missing), or only the distribution
     * into {@code out} when it is a {@code .hgrm} file, and prints where they went.
     */
    static void write(Path out, ObjectNode summary, Histogram latencyNanos, PrintWriter stdout) throws IOException {
        if (hgrmOnly(out)) {
            writeHgrm(latencyNanos, out);
            stdout.printf("  latency distribution: %s (give --out a folder for %s and %s too)%n", out, SUMMARY, REPORT);
            return;
        }
        Files.createDirectories(out);
        writeHgrm(latencyNanos, out.resolve(HGRM));
        Files.writeString(out.resolve(SUMMARY), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        Files.writeString(out.resolve(REPORT), html("Quickstep load test: " + summary.path("settings").path("target")
                .asText(), List.of(new Run("run", summary))));
        stdout.printf("  report: %s (and %s, %s)%n", out.resolve(REPORT), SUMMARY, HGRM);
    }

    /** HdrHistogram's percentile distribution, values in microseconds. */
    static void writeHgrm(Histogram latencyNanos, Path file) throws IOException {
        try (PrintStream stream = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            latencyNanos.outputPercentileDistribution(stream, NANOS_PER_MICRO);
        }
    }

    /** Writes {@value #COMPARE} into {@code dir}: the runs' summaries drawn together; returns its path. */
    static Path compare(Path dir, List<Run> runs) throws IOException {
        Files.createDirectories(dir);
        Path page = dir.resolve(COMPARE);
        Files.writeString(page, html("Quickstep load tests: " + runs.stream().map(Run::name)
                .collect(Collectors.joining(" against ")), runs));
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
