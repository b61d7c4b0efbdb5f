package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What yielding costs a long loop of states: a Pass/Choice loop of {@value #ITERATIONS} rounds
 * (2,000 state entries) per execution, on the calling thread and on a shard. An execution yields
 * every time its slice runs out; compare runs with {@code -jvmArgsAppend
 * -Dquickstep.slice.nanos=N} (100000 by default; a huge value never yields) to see what a slice
 * length costs in throughput, and what it bounds: the time one execution holds its thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SliceBenchmark {
    static final int ITERATIONS = 1000;
    private static final String LOOP = "{'StartAt':'Count','States':{"
            + "'Count':{'Type':'Pass','Parameters':{'i.$':'States.MathAdd($.i, 1)'},'Next':'More'},"
            + "'More':{'Type':'Choice','Choices':[{'Variable':'$.i','NumericLessThan':" + ITERATIONS + ","
            + "'Next':'Count'}],'Default':'Done'},'Done':{'Type':'Succeed'}}}";

    private StateMachine machine;
    private ExecutionOptions options;
    private JsonNode input;
    private Engine engine;

    @Setup
    public void setUp() throws Exception {
        machine = StateMachine.create("loop", LOOP.replace('\'', '"'));
        options = ExecutionOptions.defaults().executionName("bench");
        input = Json.parse("{\"i\":0}");
        ExecutionResult result = machine.execute(input, options);
        if (!result.succeeded() || result.output().get("i").asInt() != ITERATIONS) {
            throw new IllegalStateException("the loop did not count to " + ITERATIONS + ": " + result.toJson());
        }
        engine = Engine.launch(new Engine.Context().shards(1));
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public ExecutionResult direct() {
        return machine.execute(input, options);
    }

    @Benchmark
    public ExecutionResult shard() {
        return engine.startSync(machine, input).join();
    }
}
