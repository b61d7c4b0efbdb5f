package io.quickstep.jmh;

import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The reference workload (shared/bench): the order workflow from input bytes to output bytes,
 * through the engine and written by hand, measured in the same run so their ratio is meaningful.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderWorkflowBenchmark {
    private StateMachine machine;
    /** The same workflow written in JSONata (order-workflow-jsonata.asl.json). */
    private StateMachine jsonataMachine;
    private ExecutionOptions options;
    private byte[] input;

    @Setup
    public void setUp() throws Exception {
        machine = StateMachine.create("order", resource("order-workflow.asl.json"));
        jsonataMachine = StateMachine.create("order-jsonata", resource("order-workflow-jsonata.asl.json"));
        options = ExecutionOptions.defaults().executionName("bench").tasks(OrderHandlers.registry());
        input = resource("order-input.json").getBytes(StandardCharsets.UTF_8);
        byte[] engine = engine();
        for (byte[] handWritten : new byte[][] {engineJsonata(), handWrittenDeepCopy(), handWrittenSharing()}) {
            if (!java.util.Arrays.equals(engine, handWritten)) {
                throw new IllegalStateException("the engine's output differs from another variant's: "
                        + new String(engine, StandardCharsets.UTF_8) + " vs "
                        + new String(handWritten, StandardCharsets.UTF_8));
            }
        }
    }

    @Benchmark
    public byte[] engine() throws IOException {
        ExecutionResult result = machine.execute(input, options);
        return Json.writeBytes(result.output());
    }

    @Benchmark
    public byte[] engineJsonata() throws IOException {
        ExecutionResult result = jsonataMachine.execute(input, options);
        return Json.writeBytes(result.output());
    }

    @Benchmark
    public byte[] handWrittenDeepCopy() throws IOException {
        return HandWrittenOrderWorkflow.runDeepCopy(input);
    }

    @Benchmark
    public byte[] handWrittenSharing() throws IOException {
        return HandWrittenOrderWorkflow.runSharing(input);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = OrderWorkflowBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
