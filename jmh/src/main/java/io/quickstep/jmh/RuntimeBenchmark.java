package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.openjdk.jmh.annotations.AuxCounters;
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
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The reference workload from input bytes to output bytes, once on the calling thread
 * ({@code direct}, as {@link OrderWorkflowBenchmark#engine()}) and once through an engine with one
 * shard and {@value #BATCH} executions in flight ({@code startSync}): their ratio is what the
 * runtime costs (or gains: the shard thread executes while the caller parses and serialises).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuntimeBenchmark {
    /** Executions started per invocation of {@code startSync} before waiting for their results. */
    static final int BATCH = 256;
    private static final int SPINS_BEFORE_YIELD = 100;

    StateMachine machine;
    private ExecutionOptions options;
    byte[] input;

    @Setup
    public void setUp() throws Exception {
        machine = StateMachine.create("order", OrderWorkflowBenchmark.resource("order-workflow.asl.json"));
        options = ExecutionOptions.defaults().executionName("bench").tasks(OrderHandlers.registry());
        input = OrderWorkflowBenchmark.resource("order-input.json").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] direct() throws IOException {
        ExecutionResult result = machine.execute(input, options);
        return Json.writeBytes(result.output());
    }

    /**
     * Parses and starts a batch, then serialises each output as its execution ends. Waiting spins,
     * then yields, rather than {@code join()}s: a join on a running execution parks, and the shard
     * would pay for the unpark; the yield lets the shard run when no core is free for it (on this
     * project's 2-core machine, spinning alone made the score bimodal). Unlike {@code direct}, each
     * execution also gets a random name (a UUID): executions in flight need distinct names.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void startSync(EngineState engine, Throttles throttles, Blackhole blackhole) throws IOException {
        runBatch(engine.engine, machine, input, engine.inFlight, throttles, blackhole);
    }

    /** Parses and starts {@value #BATCH} executions, then serialises each output as it ends. */
    static void runBatch(Engine engine, StateMachine machine, byte[] input,
                         CompletableFuture<ExecutionResult>[] inFlight, Throttles throttles, Blackhole blackhole)
            throws IOException {
        for (int i = 0; i < BATCH; i++) {
            inFlight[i] = start(engine, machine, Json.parse(input), throttles);
        }
        for (int i = 0; i < BATCH; i++) {
            CompletableFuture<ExecutionResult> completion = inFlight[i];
            for (int spins = 0; !completion.isDone(); spins++) {
                if (spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            blackhole.consume(Json.writeBytes(completion.join().output()));
            inFlight[i] = null;
        }
    }

    /** Starts one execution, retrying while the shard's ring is full. */
    static CompletableFuture<ExecutionResult> start(Engine engine, StateMachine machine, JsonNode input,
                                                    Throttles throttles) {
        StartResult started;
        while ((started = engine.start(machine, input)).status() == StartResult.Status.THROTTLED) {
            throttles.throttled++;
            Thread.onSpinWait();
        }
        if (!started.accepted()) {
            throw new IllegalStateException("the engine refused a start: " + started.status());
        }
        return started.completion();
    }

    /** An engine with one shard, for the trial; it is not created for {@code direct}. */
    @State(Scope.Benchmark)
    public static class EngineState {
        @Param({"backoff", "busy-spin"})
        String idleStrategy;

        Engine engine;
        @SuppressWarnings("unchecked")
        final CompletableFuture<ExecutionResult>[] inFlight = new CompletableFuture[BATCH];

        @Setup(Level.Trial)
        public void launch(RuntimeBenchmark workload) throws IOException {
            engine = Engine.launch(new Engine.Context().shards(1).idleStrategy(idleStrategy)
                    .tasks(OrderHandlers.registry()));
            byte[] direct = workload.direct();
            byte[] viaEngine = Json.writeBytes(engine.startSync(workload.machine, Json.parse(workload.input))
                    .join().output());
            if (!Arrays.equals(direct, viaEngine)) {
                throw new IllegalStateException("direct and engine outputs differ: "
                        + new String(direct, StandardCharsets.UTF_8) + " vs "
                        + new String(viaEngine, StandardCharsets.UTF_8));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            engine.close();
        }
    }

    /**
     * Starts refused because the ring was full, reported beside the score: none are expected, as the
     * ring holds far more than a batch.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Throttles {
        public long throttled;

        @Setup(Level.Iteration)
        public void reset() {
            throttled = 0;
        }
    }
}
