package io.quickstep.jmh;

import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The cost of recording history events: the order workflow on the calling thread, its state
 * machine recording events ({@code ON}: the result carries them) or not ({@code OFF}, the default,
 * which must stay within noise of {@link OrderWorkflowBenchmark#engine()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventsBenchmark {
    @Param({"OFF", "ON"})
    public String recording;

    private StateMachine machine;
    private ExecutionOptions options;
    private byte[] input;

    @Setup
    public void setUp() throws Exception {
        machine = StateMachine.create("order", OrderWorkflowBenchmark.resource("order-workflow.asl.json"))
                .recordingEvents("ON".equals(recording));
        options = ExecutionOptions.defaults().executionName("bench").tasks(OrderHandlers.registry());
        input = OrderWorkflowBenchmark.resource("order-input.json").getBytes(StandardCharsets.UTF_8);
        ExecutionResult result = execute();
        if (!result.succeeded() || result.events().isEmpty() != "OFF".equals(recording)) {
            throw new IllegalStateException("unexpected result: " + result.status() + ", " + result.events().size()
                    + " events");
        }
    }

    @Benchmark
    public ExecutionResult execute() {
        return machine.execute(input, options);
    }
}
