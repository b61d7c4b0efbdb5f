package io.quickstep.jmh;

import io.quickstep.api.Engine;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import io.quickstep.task.Callbacks;
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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An activity's round trip through the engine, without HTTP: an execution's one Task is an
 * activity; a worker thread polls {@link Callbacks#getActivityTask}, gets the task and answers it
 * with {@link Callbacks#sendTaskSuccess}; the execution then completes. {@value #BATCH} executions
 * are in flight at a time. Beside {@code HandoffBenchmark.startSync} (a Pass machine through the
 * same shard) it shows what waiting for an outside answer by token costs per execution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ActivityBenchmark {
    static final int BATCH = 256;
    private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:bench";

    private Engine engine;
    private StateMachine machine;
    private Thread worker;
    private volatile boolean running = true;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<ExecutionResult>[] inFlight = new CompletableFuture[BATCH];

    @Setup(Level.Trial)
    public void setUp() {
        machine = StateMachine.create("activity", "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\","
                + "\"Resource\":\"" + ACTIVITY + "\",\"End\":true}}}");
        engine = Engine.launch(new Engine.Context().shards(1));
        Callbacks callbacks = engine.callbacks();
        worker = new Thread(() -> {
            while (running) {
                Callbacks.ActivityTask task = callbacks.getActivityTask(ACTIVITY, "bench")
                        .completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
                if (task != null) {
                    callbacks.sendTaskSuccess(task.taskToken(), task.input());
                }
            }
        }, "activity-worker");
        worker.start();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void roundTrip(Blackhole blackhole) {
        for (int i = 0; i < BATCH; i++) {
            inFlight[i] = engine.startSync(machine, Json.NODES.numberNode(i));
        }
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(inFlight[i].join().output());
        }
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        running = false;
        worker.join();
        engine.close();
    }
}
