package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.metrics.AwsPrices;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP load run as the options of {@code loadtest --url|--baseline} and {@code loadtest http} ask
 * for: checks them, runs {@link HttpLoad} (against a {@link BaselineServer} of its own for
 * {@code --baseline}), prints a progress line per second and a summary.
 */
final class HttpLoadRun {
    static final int MAX_CONNECTIONS = 1024;
    static final int MAX_BURST = 100_000;
    private static final double NANOS_PER_MICRO = 1000.0;
    private static final Duration MIN_DURATION = Duration.ofMillis(100);
    private static final int WARMUP_STEPS = 3;
    private static final String BARE = "bare Netty server in process";
    private static final String UNIT = "requests";

    private final CommandLine commandLine;
    private final RunOptions run;
    private final HttpTarget target;
    private Instant started;
    private Schedule schedule;
    private String input;
    private AwsPrices prices;

    HttpLoadRun(CommandLine commandLine, RunOptions run, HttpTarget target) {
        this.commandLine = commandLine;
        this.run = run;
        this.target = target;
    }

    /** What one load did: its exit code (2: the server could not be reached), its figures and summary. */
    private record Measured(int exit, HttpLoad.Result result, ObjectNode summary) {
    }

    /**
     * Runs the load and prints what it did; returns the exit code (0: every request answered OK).
     * With both {@code --url} and {@code --baseline}, loads the server, then the bare one the same
     * way, and prints their ratio.
     */
    int call() throws Exception {
        validate();
        started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        schedule = schedule();
        input = readInput();
        prices = target.prices(commandLine);
        if (!target.baseline) {
            return load(target.url == null ? HttpTarget.DEFAULT_URL : target.url, false, run.out).exit();
        }
        try (BaselineServer server = BaselineServer.start(0, 1)) {
            URI bare = URI.create("http://" + BaselineServer.HOST + ":" + server.port() + "/");
            if (target.url == null) {
                return load(bare, true, run.out).exit();
            }
            Measured measured = load(target.url, false, run.out == null ? null : run.out.resolve("server"));
            if (measured.result() == null) {
                return measured.exit();
            }
            Measured baseline = load(bare, true, run.out == null ? null : run.out.resolve("baseline"));
            printRatio(measured.result(), baseline.result());
            if (run.out != null) {
                commandLine.getOut().printf("  compare: %s%n", ReportFiles.compare(run.out, List.of(
                        new ReportFiles.Run("baseline", baseline.summary()),
                        new ReportFiles.Run(target.url.toString(), measured.summary()))));
            }
            return Math.max(measured.exit(), baseline.exit());
        }
    }

    private void printRatio(HttpLoad.Result measured, HttpLoad.Result baseline) {
        commandLine.getOut().printf("ratio %s / bare Netty server: requests/s %.2f, p50 %.2f, p99 %.2f%n", target.url,
                measured.requestsPerSecond() / baseline.requestsPerSecond(),
                ratio(measured.latencyNanos().getValueAtPercentile(50), baseline.latencyNanos().getValueAtPercentile(50)),
                ratio(measured.latencyNanos().getValueAtPercentile(99), baseline.latencyNanos().getValueAtPercentile(99)));
    }

    private static double ratio(long measured, long baseline) {
        return baseline == 0 ? Double.NaN : (double) measured / baseline;
    }

    private Measured load(URI url, boolean bare, Path out) throws Exception {
        PrintWriter stdout = commandLine.getOut();
        boolean sync = !target.async;
        HttpLoad.Settings settings = new HttpLoad.Settings(url, StartRequests.of(url, sync,
                StartRequests.arn(target.stateMachine), input), sync, schedule, target.connections,
                run.warmup.toNanos(), run.duration.toNanos(), target.timeout.toNanos());
        stdout.printf("http %s: %s of %s, %s for %s (+%s warm-up), %d connections, %s%n",
                schedule == null ? "closed loop" : "open loop", sync ? "StartSyncExecution" : "StartExecution",
                target.stateMachine, schedule == null ? "as fast as answered" : schedule.describe(),
                DurationConverter.format(run.duration), DurationConverter.format(run.warmup), target.connections,
                bare ? BARE : url);
        stdout.flush();
        String machineName = StartRequests.arn(target.stateMachine).replaceFirst("^.*:stateMachine:([^:]+).*$", "$1");
        ServerCounters before = bare ? null : ServerCounters.read(url, machineName);
        HttpLoad.Result result;
        try {
            result = HttpLoad.run(settings, run.progress(stdout, UNIT));
        } catch (ConnectException e) {
            // Netty's message carries the syscall ("finishConnect(..) failed with error(-111): ..."): keep its end.
            String reason = e.getMessage() == null ? "refused" : e.getMessage()
                    .replaceFirst("^\\w+\\(\\.\\.\\) failed with error\\(-?\\d+\\): ", "");
            commandLine.getErr().printf("quickstep: --url %s: cannot connect: %s%n", url, reason);
            return new Measured(2, null, null);
        }
        print(stdout, result);
        ServerCounters after = before == null ? null : ServerCounters.read(url, machineName);
        RunCost cost = RunCost.of(prices, result, sync,
                after == null ? Double.NaN : after.transitionsPerExecutionSince(before));
        stdout.printf("  cost on AWS   %s%n", cost.describe());
        ObjectNode summary = RunSummary.of(settings(bare ? BARE : url.toString()), figures(result), cost);
        if (out != null) {
            ReportFiles.write(out, summary, result.latencyNanos(), stdout);
        }
        return new Measured(result.errors() == 0 && result.unanswered() == 0 ? 0 : 1, result, summary);
    }

    private static void print(PrintWriter stdout, HttpLoad.Result result) {
        Histogram latency = result.latencyNanos();
        stdout.printf("  requests/s    %.1f (%d measured)%n", result.requestsPerSecond(), latency.getTotalCount());
        stdout.printf("  latency (us)  %s%n", Percentiles.line(latency));
        StringBuilder errors = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.OK) {
                errors.append(errors.length() == 0 ? "" : ", ").append(outcome.label).append(' ')
                        .append(result.count(outcome));
            }
        }
        stdout.printf("  errors        %s; unanswered %d, connections closed by the server %d%n", errors,
                result.unanswered(), result.connectionsClosed());
        stdout.printf("  generator lag (us): max %.1f%n", result.maxLagNanos() / NANOS_PER_MICRO);
        // The same "quickstep:" lines as loadtest/wrk/start-sync.lua, which bench.sh reads.
        stdout.printf("quickstep: requests/s %.1f%n", result.requestsPerSecond());
        stdout.printf("quickstep: latency_us %s%n", Percentiles.line(latency));
        stdout.printf("quickstep: errors non2xx %d unanswered %d generator_lag_us %.1f%n",
                result.count(Outcome.THROTTLED) + result.count(Outcome.HTTP_ERROR), result.unanswered(),
                result.maxLagNanos() / NANOS_PER_MICRO);
    }

    /** What the summary reports of {@code result}. */
    private static RunSummary.Figures figures(HttpLoad.Result result) {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("throttled", result.count(Outcome.THROTTLED));
        errors.put("failedExecutions", result.count(Outcome.FAILED_EXECUTION));
        errors.put("httpErrors", result.count(Outcome.HTTP_ERROR));
        errors.put("timeouts", result.count(Outcome.TIMEOUT));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("unanswered", result.unanswered());
        counts.put("connectionsClosed", (long) result.connectionsClosed());
        return new RunSummary.Figures(UNIT, result.latencyNanos(), result.requestsPerSecond(), errors, counts,
                result.maxLagNanos(), result.intervals());
    }

    /** The run's settings, as the reports list them. */
    private Map<String, String> settings(String targetName) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("target", targetName);
        settings.put("api", target.async ? "StartExecution" : "StartSyncExecution");
        settings.put("stateMachine", StartRequests.arn(target.stateMachine));
        settings.put("input", target.input == null ? "(default)" : target.input.toString());
        settings.put("loop", schedule == null ? "closed" : "open");
        settings.put("schedule", schedule == null ? "as fast as answered" : schedule.describe());
        settings.put("connections", String.valueOf(target.connections));
        settings.put("duration", DurationConverter.format(run.duration));
        settings.put("warmup", DurationConverter.format(run.warmup));
        settings.put("timeout", DurationConverter.format(target.timeout));
        settings.put("startedAt", started.toString());
        return settings;
    }

    private Schedule schedule() {
        if (run.max) {
            return null;
        }
        if (target.burst > 0) {
            return Schedule.bursts(target.burst, target.every.toNanos());
        }
        // The warm-up climbs to the rate over its first whole seconds, three at most.
        return Schedule.climbing(run.rate, (int) Math.min(WARMUP_STEPS, run.warmup.toSeconds()));
    }

    private String readInput() {
        try {
            if (target.input == null) {
                return StartRequests.defaultInput(target.stateMachine);
            }
            String text = Files.readString(target.input);
            Json.parse(text);
            return text;
        } catch (IOException e) {
            throw new ParameterException(commandLine, "--input " + target.input + ": " + e.getMessage());
        }
    }

    private void validate() {
        int modes = (run.max ? 1 : 0) + (run.rate != 0 ? 1 : 0) + (target.burst != 0 ? 1 : 0);
        if (modes != 1) {
            fail("give one of --rate N, --burst N (with --every), --max");
        }
        if (!run.max && target.burst == 0 && (run.rate < 1 || run.rate > HttpLoad.MAX_RATE)) {
            fail("--rate must be 1.." + HttpLoad.MAX_RATE);
        }
        if (target.burst != 0 && (target.burst < 1 || target.burst > MAX_BURST)) {
            fail("--burst must be 1.." + MAX_BURST);
        }
        within("--every", target.every, Duration.ofMillis(1), Duration.ofMinutes(1));
        within("--duration", run.duration, MIN_DURATION, RunOptions.MAX_DURATION);
        within("--warmup", run.warmup, Duration.ZERO, RunOptions.MAX_DURATION);
        within("--timeout", target.timeout, Duration.ofMillis(10), Duration.ofMinutes(1));
        if (target.burst != 0 && target.burst * 1e9 / target.every.toNanos() > HttpLoad.MAX_RATE) {
            fail("--burst N --every T: at most " + HttpLoad.MAX_RATE + " requests per second");
        }
        if (target.connections < 1 || target.connections > MAX_CONNECTIONS) {
            fail("--connections must be 1.." + MAX_CONNECTIONS);
        }
        if (target.async && target.sync) {
            fail("--sync and --async: give one");
        }
        if (target.url != null) {
            validateUrl(target.url);
        }
        if (target.url != null && target.baseline && run.out != null && ReportFiles.hgrmOnly(run.out)) {
            fail("--out " + run.out + ": --url with --baseline makes two runs; give a folder");
        }
        run.checkOut(commandLine);
    }

    private void validateUrl(URI url) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 1) {
            fail("--url must be http://HOST:PORT/ (got " + url + ")");
        }
        try {
            if (!target.allowRemote && !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                fail("--url " + url + " is not on loopback: give --allow-remote to load another machine");
            }
        } catch (UnknownHostException e) {
            fail("--url " + url + ": unknown host " + url.getHost());
        }
    }

    private void within(String option, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            fail(option + " must be " + DurationConverter.format(min) + ".." + DurationConverter.format(max)
                    + " (got " + DurationConverter.format(value) + ")");
        }
    }

    private void fail(String message) {
        throw new ParameterException(commandLine, message);
    }
}
