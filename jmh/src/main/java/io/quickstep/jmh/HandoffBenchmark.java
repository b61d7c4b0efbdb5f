package io.quickstep.jmh;

import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ring hand-off alone: a one-state Pass machine, so that the execution itself is as small as it
 * gets, run on the calling thread ({@code direct}) and through an engine's shard thread with
 * {@value RuntimeBenchmark#BATCH} in flight ({@code startSync}, as {@code RuntimeBenchmark} does
 * with the order workflow). The difference between the two, per execution, is what handing a start
 * to a shard and its result back costs: the ring slot, the wake-up, the future, the other core's
 * cache misses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HandoffBenchmark {
    private static final byte[] INPUT = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    private StateMachine machine;
    private ExecutionOptions options;
    private Engine engine;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<ExecutionResult>[] inFlight = new CompletableFuture[RuntimeBenchmark.BATCH];

    @Setup(Level.Trial)
    public void setUp() {
        machine = StateMachine.create("pass", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        options = ExecutionOptions.defaults().executionName("bench");
        engine = Engine.launch(new Engine.Context().shards(1));
    }

    @Benchmark
    public byte[] direct() throws IOException {
        return Json.writeBytes(machine.execute(INPUT, options).output());
    }

    @Benchmark
    @OperationsPerInvocation(RuntimeBenchmark.BATCH)
    public void startSync(RuntimeBenchmark.Throttles throttles, Blackhole blackhole) throws IOException {
        RuntimeBenchmark.runBatch(engine, machine, INPUT, inFlight, throttles, blackhole);
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }
}
