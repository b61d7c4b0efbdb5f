package io.quickstep.jmh;

import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.events.CloudWatchWriter;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.json.Json;
import io.quickstep.log.ExecutionLog;
import io.quickstep.log.ExecutionLogs;
import io.quickstep.log.LogSink;
import io.quickstep.log.RollingFileLogSink;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.metrics.LogMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * What execution logs cost: the order workflow through an engine with one shard and
 * {@value RuntimeBenchmark#BATCH} executions in flight (as {@code RuntimeBenchmark.startSync}), its
 * state machine logging nothing ({@code OFF}) or every event with the execution's data
 * ({@code ALL}), the records shipped to a rolling file sink in a temporary directory (see
 * {@link #DIRECTORY_PROP}). At the end of
 * each trial it prints the bytes written per execution and the records dropped (none expected).
 * {@code startSyncOnHost} is the same work as {@code serve} runs it: the shard on one thread that
 * also parses the inputs, starts the executions and writes the outputs (as an event loop hosting
 * its shard does), so that the shipper has the other core.
 * {@code writeRecords} measures the shipper's share alone: one execution's records made into text;
 * {@code writeFile} the file sink's: those records written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoggingBenchmark {
    /**
     * Where the temporary log folder is made (default: {@code java.io.tmpdir}). On this project's
     * machine a disk takes about 200 MB/s, 22,000 order executions' records per second, so the
     * figures are taken on a tmpfs: {@code -jvmArgsAppend "-Xms1g -Xmx1g -Dquickstep.bench.logdir=/dev/shm"}.
     */
    public static final String DIRECTORY_PROP = "quickstep.bench.logdir";
    /** Records {@code shipRecords} offers at once: half the log ring, so that the shipper is never idle for long. */
    static final int SHIPPED_BATCH = ExecutionLogs.RING_CAPACITY_DEFAULT / 2;
    /** Files kept: a run writes gigabytes, a tmpfs holds them in memory. */
    private static final int KEEP_FILES = 4;

    @Param({"OFF", "ALL"})
    public String level;
    /**
     * Where records go: {@code file} (a rolling file sink) or {@code discard} (a sink that drops
     * them unread, so nothing is made into text: what the shard's side alone costs).
     */
    @Param({"file"})
    public String sink;
    /**
     * When true, a batch starts only once the shipper has caught up to within a batch, so that no
     * record is dropped: the rate at which executions run with every record written. When false,
     * the shard runs at its own rate and the ring drops what the shipper cannot take (counted).
     */
    @Param({"false"})
    public boolean lossless;
    /** Threads that make the records' text for the shipper ({@code Engine.Context.logTextThreads}). */
    @Param({"0"})
    public int textThreads;

    private StateMachine machine;
    private byte[] input;
    private List<HistoryEvent> recorded;
    private final CloudWatchWriter writer = new CloudWatchWriter();

    @Setup(Level.Trial)
    public void launch() throws IOException {
        machine = StateMachine.create("order", OrderWorkflowBenchmark.resource("order-workflow.asl.json"))
                .logging(LoggingConfiguration.of(LogLevel.valueOf(level), true));
        input = OrderWorkflowBenchmark.resource("order-input.json").getBytes(StandardCharsets.UTF_8);
        recorded = machine.recordingEvents(true).execute(input, ExecutionOptions.defaults()
                .tasks(OrderHandlers.registry())).events();
    }

    @Benchmark
    @OperationsPerInvocation(RuntimeBenchmark.BATCH)
    public void startSync(ThreadEngine engine, RuntimeBenchmark.Throttles throttles, Blackhole blackhole)
            throws IOException {
        RuntimeBenchmark.runBatch(engine.engine, machine, input, engine.inFlight, throttles, blackhole);
        awaitShipper(engine.engine);
    }

    /**
     * A batch as {@code startSync}'s, every step of it on the thread that runs the shard: the
     * inputs parsed and the executions started by a task of that thread, each output written there
     * as its execution ends; this thread only waits for the batch.
     */
    @Benchmark
    @OperationsPerInvocation(RuntimeBenchmark.BATCH)
    public void startSyncOnHost(HostedEngine hosted, Blackhole blackhole) throws Exception {
        CompletableFuture<?>[] written = new CompletableFuture<?>[RuntimeBenchmark.BATCH];
        hosted.host.submit(() -> {
            for (int i = 0; i < RuntimeBenchmark.BATCH; i++) {
                written[i] = hosted.engine.startSync(machine, Json.parse(input))
                        .thenAccept(result -> blackhole.consume(Json.writeBytes(result.output())));
            }
            return null;
        }).get();
        CompletableFuture.allOf(written).join();
        awaitShipper(hosted.engine);
    }

    /** With {@link #lossless}, waits until at most a batch of records is left to ship. */
    private void awaitShipper(Engine engine) {
        while (lossless && engine.metrics().logs().queued() > RuntimeBenchmark.BATCH) {
            LockSupport.parkNanos(20_000);
        }
    }

    /**
     * The shipper's part alone: one order execution's events written as CloudWatch Logs JSON
     * lines (what the file sink then writes), on this thread.
     */
    @Benchmark
    public byte[] writeRecords() {
        return writer.lines(recorded, "arn:aws:states:us-east-1:123456789012:express:order:bench:1",
                machine.loggingConfiguration());
    }

    /**
     * The file sink's part alone: one execution's records, made once (the shipper's writer keeps
     * the last record's text), written again and again into rolling files: what writing costs.
     */
    @Benchmark
    @OperationsPerInvocation(RuntimeBenchmark.BATCH)
    public void writeFile(FileSink file) throws IOException {
        for (int i = 0; i < RuntimeBenchmark.BATCH; i++) {
            file.sink.write(file.log);
        }
        file.sink.endOfBatch();
    }

    /**
     * Shipping alone, as much as it can take: a batch of recorded order executions' records
     * offered straight to the log ring (no shard), returning once the shipper has written them to
     * the trial's sink. With {@link #textThreads}, how shipping scales with the threads that make
     * the text.
     */
    @Benchmark
    @OperationsPerInvocation(SHIPPED_BATCH)
    public void shipRecords(Shipping shipping) {
        for (int i = 0; i < SHIPPED_BATCH; i++) {
            if (!shipping.logs.offer("order", machine.loggingConfiguration(), shipping.arns[i], shipping.events.get(i))) {
                throw new IllegalStateException("the ring was full: the benchmark waits for each batch");
            }
        }
        long target = shipping.offered += SHIPPED_BATCH;
        while (shipping.logs.metrics().shipped() < target) {
            LockSupport.parkNanos(20_000);
        }
    }

    /** Where a trial's records go: a rolling file sink in {@code directory}, or a sink that drops them. */
    LogSink sink(Path directory) {
        return "discard".equals(sink) ? log -> { }
                : new RollingFileLogSink(directory, RollingFileLogSink.MAX_FILE_BYTES_DEFAULT, KEEP_FILES);
    }

    /** Closes the engine (its records shipped) and prints what its logs came to. */
    void close(Engine engine) {
        LogMetrics logs = engine.metrics().logs();
        long executions = engine.metrics(machine).started();
        engine.close();
        System.out.printf("%n%s: %d executions, %d records shipped, %d dropped, %.0f bytes written per execution%n",
                level, executions, logs.shipped(), logs.dropped(), (double) logs.bytesWritten() / executions);
    }

    static Path temporaryDirectory() throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty(DIRECTORY_PROP,
                System.getProperty("java.io.tmpdir"))), "quickstep-logging-benchmark");
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Execution logs shipping to the trial's sink, and a batch of recorded executions, for {@code shipRecords}. */
    @State(Scope.Benchmark)
    public static class Shipping {
        ExecutionLogs logs;
        final List<List<HistoryEvent>> events = new ArrayList<>();
        final String[] arns = new String[SHIPPED_BATCH];
        long offered;
        private Path directory;

        @Setup(Level.Trial)
        public void launch(LoggingBenchmark benchmark) throws IOException {
            directory = temporaryDirectory();
            logs = ExecutionLogs.start(List.of(benchmark.sink(directory)), ExecutionLogs.RING_CAPACITY_DEFAULT,
                    benchmark.textThreads);
            StateMachine recording = benchmark.machine.recordingEvents(true);
            for (int i = 0; i < SHIPPED_BATCH; i++) {
                events.add(recording.execute(benchmark.input, ExecutionOptions.defaults()
                        .tasks(OrderHandlers.registry())).events());
                arns[i] = "arn:aws:states:us-east-1:123456789012:express:order:" + UUID.randomUUID() + ":" + UUID.randomUUID();
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            logs.close(Duration.ofSeconds(30));
            delete(directory);
        }
    }

    /** A rolling file sink and one order execution's log, for {@code writeFile}. */
    @State(Scope.Benchmark)
    public static class FileSink {
        RollingFileLogSink sink;
        ExecutionLog log;
        private Path directory;

        @Setup(Level.Trial)
        public void launch(LoggingBenchmark benchmark) throws IOException {
            directory = temporaryDirectory();
            sink = new RollingFileLogSink(directory, RollingFileLogSink.MAX_FILE_BYTES_DEFAULT, KEEP_FILES);
            log = new ExecutionLog("order", "arn:aws:states:us-east-1:123456789012:express:order:"
                    + "9ae79118-bdd8-4b47-85f6-845eedaebc4b:65f6c992-12eb-4cc2-9845-f2da34761c02",
                    benchmark.machine.loggingConfiguration(), benchmark.recorded, System.nanoTime());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            sink.close();
            delete(directory);
        }
    }

    /** An engine with a shard thread of its own, for {@code startSync}. */
    @State(Scope.Benchmark)
    public static class ThreadEngine {
        Engine engine;
        @SuppressWarnings("unchecked")
        final CompletableFuture<ExecutionResult>[] inFlight = new CompletableFuture[RuntimeBenchmark.BATCH];
        private Path directory;
        private LoggingBenchmark benchmark;

        @Setup(Level.Trial)
        public void launch(LoggingBenchmark benchmark) throws IOException {
            this.benchmark = benchmark;
            directory = temporaryDirectory();
            engine = Engine.launch(new Engine.Context().shards(1).tasks(OrderHandlers.registry())
                    .logSink(benchmark.sink(directory)).logTextThreads(benchmark.textThreads));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            benchmark.close(engine);
            delete(directory);
        }
    }

    /** An engine whose one shard runs on a thread of this state's, for {@code startSyncOnHost}. */
    @State(Scope.Benchmark)
    public static class HostedEngine {
        ScheduledExecutorService host;
        Engine engine;
        private Path directory;
        private LoggingBenchmark benchmark;

        @Setup(Level.Trial)
        public void launch(LoggingBenchmark benchmark) throws IOException {
            this.benchmark = benchmark;
            host = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "host"));
            directory = temporaryDirectory();
            engine = Engine.launch(new Engine.Context().runShardsOn(List.of(host)).tasks(OrderHandlers.registry())
                    .logSink(benchmark.sink(directory)).logTextThreads(benchmark.textThreads));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            benchmark.close(engine);
            host.shutdownNow();
            delete(directory);
        }
    }
}
