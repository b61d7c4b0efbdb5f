package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The cost of one state transition: a chain of {@code states} Pass states run on the calling
 * thread. The score is per state entered. JMH's operations per invocation cannot follow a
 * {@code @Param}, so each invocation runs {@value #STATES_PER_INVOCATION} states: one execution of
 * the 100-state chain or ten of the 10-state one. The gap between the two scores is the
 * per-execution cost (execution, frame, result) spread over ten times fewer states.
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is then bytes per transition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TransitionBenchmark {
    static final int STATES_PER_INVOCATION = 100;

    /** Pass states in the chain; must divide {@value #STATES_PER_INVOCATION}. */
    @Param({"10", "100"})
    int states;

    private StateMachine machine;
    private ExecutionOptions options;
    private JsonNode input;
    private int executions;

    @Setup
    public void setUp() throws Exception {
        if (STATES_PER_INVOCATION % states != 0) {
            throw new IllegalArgumentException("states must divide " + STATES_PER_INVOCATION + ": " + states);
        }
        executions = STATES_PER_INVOCATION / states;
        machine = StateMachine.create("chain", chain(states));
        options = ExecutionOptions.defaults().executionName("bench");
        input = Json.parse("{\"n\":1}");
        ExecutionResult result = machine.execute(input, options);
        if (!result.succeeded() || !result.output().equals(input)) {
            throw new IllegalStateException("the chain did not pass its input through: " + result.toJson());
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES_PER_INVOCATION)
    public void transitions(Blackhole blackhole) {
        for (int i = 0; i < executions; i++) {
            blackhole.consume(machine.execute(input, options));
        }
    }

    /** {@code S0 -> S1 -> ... -> S(n-1)}, each a Pass state that passes its input on unchanged. */
    static String chain(int n) {
        ObjectNode definition = Json.NODES.objectNode();
        definition.put("StartAt", "S0");
        ObjectNode stateMap = definition.putObject("States");
        for (int i = 0; i < n; i++) {
            ObjectNode pass = stateMap.putObject("S" + i).put("Type", "Pass");
            if (i < n - 1) {
                pass.put("Next", "S" + (i + 1));
            } else {
                pass.put("End", true);
            }
        }
        return Json.write(definition);
    }
}
