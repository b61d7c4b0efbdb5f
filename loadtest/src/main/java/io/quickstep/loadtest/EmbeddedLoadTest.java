package io.quickstep.loadtest;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.metrics.CostEstimate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Load on an embedded engine running the reference order workflow: an open-loop run at a fixed
 * rate with latency percentiles, or with {@code --max} the highest sustainable throughput; with
 * {@code --out DIR}, the same report files as an HTTP run ({@link ReportFiles}).
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {BaselineServerCommand.class, HttpLoadCommand.class},
        description = {"Runs the order workflow (shared/bench) on an embedded engine under load.",
                "Open loop: starts --rate executions per second on a fixed schedule and reports latency "
                        + "from each one's intended start (coordinated omission corrected).",
                "--max: keeps --in-flight executions running and reports executions per second.",
                "--failing/--slow: a soak run, with a share of handlers that throw or answer late.",
                "Exits 0 when every execution succeeded (in a soak run: when the engine's books balance), "
                        + "1 otherwise.",
                "--url URL or --baseline: load an HTTP server instead (see loadtest http --help); "
                        + "baseline-server: the bare Netty server the HTTP server is measured against.",
                "--out DIR: the run's report files, on either target; --compare: several runs on one page."})
public final class EmbeddedLoadTest implements Callable<Integer> {
    static final int MAX_SECONDS = 120;
    private static final long PROBE_MILLIS = 500;
    private static final double NANOS_PER_MICRO = 1000.0;
    private static final String UNIT = "executions";

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Mixin
    HttpTarget target;

    // The generator needs a core of its own: leave it one.
    @Option(names = "--shards", paramLabel = "N", description = "Engine shards (default: processors - 1, at least 1).")
    int shards = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    @Option(names = "--idle-strategy", paramLabel = "NAME", defaultValue = Engine.Context.IDLE_STRATEGY_DEFAULT,
            description = "What idle shard threads do: backoff, busy-spin, yielding or sleeping "
                    + "(default: ${DEFAULT-VALUE}).")
    String idleStrategy;

    @Option(names = "--pin", description = "Pin each shard thread to a CPU of its own (where the OS allows).")
    boolean pin;

    @Option(names = "--compare", arity = "2.." + ReportFiles.MAX_COMPARED, paramLabel = "SUMMARY.json",
            description = "Draw two runs' summaries (--out DIR/summary.json), or up to " + ReportFiles.MAX_COMPARED
                    + ", on one page, compare.html in --out DIR (default: the current folder).")
    List<Path> compare;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "4096",
            description = "Executions kept in flight by --max (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--failing", paramLabel = "PERCENT", defaultValue = "0",
            description = "Soak: share of charge calls that throw, half a RuntimeException, half an "
                    + "AssertionError (default: ${DEFAULT-VALUE}).")
    double failingPercent;

    @Option(names = "--slow", paramLabel = "PERCENT", defaultValue = "0",
            description = "Soak: share of reserve calls answered late, on another thread (default: ${DEFAULT-VALUE}).")
    double slowPercent;

    @Option(names = "--slow-ms", paramLabel = "MILLIS", defaultValue = "50",
            description = "How late a slow call answers, at most 60000 (default: ${DEFAULT-VALUE}).")
    int slowMillis;

    /** The engine's books after the last run, once it shut down. */
    Books books;
    /** What the last run's executions (warm-up included) would cost on AWS. */
    CostEstimate cost;
    /** When the last run started. */
    private Instant started;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmbeddedLoadTest()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (compare != null) {
            return compare();
        }
        if (target.selected()) {
            return new HttpLoadRun(spec.commandLine(), run, target).call();
        }
        validate();
        PrintWriter stdout = spec.commandLine().getOut();
        // Said first: it tells how to read the figures that follow (see HandoffProbe).
        stdout.printf("thread-to-thread round trip: %.0f ns%n", HandoffProbe.roundTripNanos(PROBE_MILLIS));
        boolean passed;
        RunSummary.Figures figures;
        if (run.max) {
            MaxThroughput.Result result = maxThroughput();
            print(stdout, result);
            passed = result.drained() && (faults().any() || result.failed() == 0);
            figures = new RunSummary.Figures(UNIT, result.latencyNanos(), result.executionsPerSecond(),
                    errors(result.throttled(), result.failed()), Map.of(), 0, result.intervals());
        } else {
            warnUnlessPretouched(stdout);
            OpenLoop.Result result = openLoop();
            print(stdout, result);
            passed = result.drained() && (faults().any() || result.failed() == 0);
            figures = new RunSummary.Figures(UNIT, result.latencyNanos(), result.throughput(),
                    errors(result.throttled(), result.failed()), Map.of("accepted", result.accepted()),
                    result.maxLagNanos(), result.intervals());
        }
        if (faults().any()) {
            stdout.printf("  soak: %s%n", soak());
        }
        stdout.println("  " + books.describe());
        stdout.println("  cost on AWS of every execution, warm-up included: " + cost.describe());
        if (run.out != null) {
            ReportFiles.write(run.out, RunSummary.of(settings(), figures, RunCost.of(cost)), figures.latencyNanos(),
                    stdout);
        }
        return passed && books.balanced() ? 0 : 1;
    }

    /** The summary's errors of an embedded run: starts the engine refused, executions that failed. */
    private static Map<String, Long> errors(long throttled, long failed) {
        Map<String, Long> errors = new LinkedHashMap<>();
        errors.put("throttled", throttled);
        errors.put("failedExecutions", failed);
        return errors;
    }

    /** The run's settings, as the reports list them. */
    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("target", "embedded engine");
        settings.put("workflow", "order (shared/bench), task handlers in process");
        settings.put("loop", run.max ? "closed" : "open");
        settings.put("schedule", run.max ? maxInFlight + " in flight" : run.rate + "/s");
        settings.put("shards", shards + (pin ? " pinned" : ""));
        settings.put("idleStrategy", idleStrategy);
        settings.put("duration", DurationConverter.format(run.duration));
        settings.put("warmup", DurationConverter.format(run.warmup));
        if (faults().any()) {
            settings.put("soak", soak());
        }
        settings.put("cost", "every execution, warm-up included");
        settings.put("startedAt", started.toString());
        return settings;
    }

    private String soak() {
        return String.format(Locale.ROOT, "%.1f%% of charge calls throw, %.1f%% of reserve calls answer after %d ms",
                failingPercent, slowPercent, slowMillis);
    }

    /** {@code --compare A B ...}: the summaries on one page. */
    private int compare() throws IOException {
        List<ReportFiles.Run> runs = new ArrayList<>();
        for (Path summary : compare) {
            JsonNode json;
            try {
                json = Json.parse(Files.readString(summary));
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--compare " + summary + ": " + e.getMessage());
            }
            if (!json.path("percentiles").isArray() || !json.path("results").isObject()) {
                throw new ParameterException(spec.commandLine(), "--compare " + summary
                        + ": not a load test summary (summary.json of --out DIR)");
            }
            runs.add(new ReportFiles.Run(runName(summary), json));
        }
        Path page = ReportFiles.compare(run.out == null ? Path.of(".") : run.out, runs);
        spec.commandLine().getOut().println("compare: " + page);
        return 0;
    }

    /** How a compared run is named: its folder for {@code DIR/summary.json}, else folder and file. */
    private static String runName(Path summary) {
        Path folder = summary.toAbsolutePath().normalize().getParent();
        if (folder == null || folder.getFileName() == null) {
            return summary.toString();
        }
        return summary.getFileName().toString().equals(ReportFiles.SUMMARY) ? folder.getFileName().toString()
                : folder.getFileName() + "/" + summary.getFileName();
    }

    private Faults faults() {
        return new Faults(failingPercent, slowPercent, slowMillis);
    }

    /**
     * Latency runs want the heap touched before they start: the first write to each fresh page of
     * the young generation faults for microseconds, and together such faults put milliseconds into the
     * tail. Says so when the JVM was not started with {@code -XX:+AlwaysPreTouch}.
     */
    private static void warnUnlessPretouched(PrintWriter stdout) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm != null && !Boolean.parseBoolean(vm.getVMOption("AlwaysPreTouch").getValue())) {
            stdout.println("note: for latency figures run java with -Xms4g -Xmx4g -XX:+AlwaysPreTouch: "
                    + "page faults on fresh heap put milliseconds into the tail");
        }
    }

    /** Runs the open loop as the options say. */
    OpenLoop.Result openLoop() throws Exception {
        return onEngine((engine, workload) -> OpenLoop.run(engine, workload, run.rate, seconds(run.warmup),
                seconds(run.duration), run.progress(spec.commandLine().getOut(), UNIT)));
    }

    MaxThroughput.Result maxThroughput() throws Exception {
        return onEngine((engine, workload) -> MaxThroughput.run(engine, workload, maxInFlight, seconds(run.warmup),
                seconds(run.duration), run.progress(spec.commandLine().getOut(), UNIT)));
    }

    /** A measurement on an engine of its own. */
    private interface Run<R> {
        R on(Engine engine, OrderWorkload workload) throws Exception;
    }

    /** Runs a measurement on a new engine, then shuts the engine down and keeps its {@link #books}. */
    private <R> R onEngine(Run<R> run) throws Exception {
        OrderWorkload workload = OrderWorkload.load(faults());
        started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        R result;
        Engine engine = launch(workload);
        try (engine) {
            result = run.on(engine, workload);
        }
        books = Books.of(engine.metrics());
        cost = engine.metrics(workload.machine()).cost(target.prices(spec.commandLine()));
        return result;
    }

    /** An engine for the run; settings the engine refuses (shards, idle strategy) are bad options. */
    private Engine launch(OrderWorkload workload) {
        try {
            return Engine.launch(new Engine.Context().shards(shards).idleStrategy(idleStrategy).pinThreads(pin)
                    .tasks(workload.tasks()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void validate() {
        target.prices(spec.commandLine());
        if (!run.max && (run.rate < 1 || run.rate > OpenLoop.MAX_RATE)) {
            throw new ParameterException(spec.commandLine(),
                    "--rate must be 1.." + OpenLoop.MAX_RATE + " (or use --max)");
        }
        if (run.duration.toMillis() % 1000 != 0 || seconds(run.duration) < 1 || seconds(run.duration) > MAX_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--duration must be 1.." + MAX_SECONDS
                    + " whole seconds on the embedded engine");
        }
        if (run.warmup.toMillis() % 1000 != 0 || seconds(run.warmup) > MAX_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--warmup must be 0.." + MAX_SECONDS
                    + " whole seconds on the embedded engine");
        }
        if (failingPercent < 0 || failingPercent > 100 || slowPercent < 0 || slowPercent > 100) {
            throw new ParameterException(spec.commandLine(), "--failing and --slow must be 0..100 (percent)");
        }
        if (slowMillis < 0 || slowMillis > 60_000) {
            throw new ParameterException(spec.commandLine(), "--slow-ms must be 0..60000");
        }
        if (maxInFlight < 1) {
            throw new ParameterException(spec.commandLine(), "--in-flight must be at least 1");
        }
        run.checkOut(spec.commandLine());
    }

    /** The embedded runs count whole seconds; {@link #validate()} has checked that they are. */
    private static int seconds(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toSeconds());
    }

    private void print(PrintWriter stdout, MaxThroughput.Result result) {
        stdout.printf("max throughput: %d shard(s)%s, idle strategy %s, %d in flight, %d s (+%d s warm-up)%n",
                shards, pin ? " pinned" : "", idleStrategy, maxInFlight, seconds(run.duration), seconds(run.warmup));
        long[] perSecond = result.perSecond().clone();
        Arrays.sort(perSecond);
        // On a shared machine the spread says as much as the mean.
        stdout.printf("  executions/s  %.0f (seconds: min %d, median %d, max %d)%n", result.executionsPerSecond(),
                perSecond[0], perSecond[perSecond.length / 2], perSecond[perSecond.length - 1]);
        stdout.printf("  throttled     %d%n  failed        %d%n", result.throttled(), result.failed());
    }

    private void print(PrintWriter stdout, OpenLoop.Result result) {
        stdout.printf("open loop: %d/s for %d s (+%d s warm-up), %d shard(s)%s, idle strategy %s%n",
                run.rate, seconds(run.duration), seconds(run.warmup), shards, pin ? " pinned" : "", idleStrategy);
        stdout.printf("  accepted      %d%n  throttled     %d%n  failed        %d%n  executions/s  %.0f%n",
                result.accepted(), result.throttled(), result.failed(), result.throughput());
        if (!result.drained()) {
            stdout.println("  WARNING: executions were still running at the end; the latencies below miss them");
        }
        stdout.printf("  latency from intended start (us): %s%n", Percentiles.line(result.latencyNanos()));
        stdout.printf("  generator lag (us): max %.1f%n", result.maxLagNanos() / NANOS_PER_MICRO);
    }
}
