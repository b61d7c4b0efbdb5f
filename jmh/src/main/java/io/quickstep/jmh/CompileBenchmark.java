package io.quickstep.jmh;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.StateMachine;
import io.quickstep.json.Json;
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

import java.util.concurrent.TimeUnit;

/**
 * Compiling a large definition: {@link StateMachine#create} parses the text, validates it as
 * AWS's ValidateStateMachineDefinition does and compiles it. The definition has {@code states}
 * top-level states in groups of five (a Pass with a Parameters template, a Choice of two rules, a
 * Task with Retry and Catch, a Wait, a Map whose item processor has three states), so a tenth of its
 * states are nested.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompileBenchmark {
    @Param({"100", "1000"})
    public int states;

    private String definition;

    @Setup
    public void setUp() {
        if (states < 5 || states % 5 != 0) {
            throw new IllegalArgumentException("states must be a multiple of 5, was " + states);
        }
        definition = Json.write(definition(states));
        StateMachine.create("large", definition); // throws if the definition is not valid
    }

    @Benchmark
    public StateMachine compile() {
        return StateMachine.create("large", definition);
    }

    /** {@code states} top-level states in groups of five, each group leading to the next. */
    static ObjectNode definition(int states) {
        ObjectNode definition = Json.NODES.objectNode().put("StartAt", "P0");
        ObjectNode all = definition.putObject("States");
        int groups = states / 5;
        for (int g = 0; g < groups; g++) {
            String next = g + 1 < groups ? "P" + (g + 1) : null;
            ObjectNode pass = all.putObject("P" + g).put("Type", "Pass").put("Next", "C" + g);
            pass.putObject("Parameters").put("group", g).put("id.$", "$.id").put("items.$", "$.items");
            ObjectNode choice = all.putObject("C" + g).put("Type", "Choice").put("Default", "T" + g);
            ArrayNode rules = choice.putArray("Choices");
            rules.addObject().put("Variable", "$.group").put("NumericGreaterThan", 1_000_000).put("Next", "W" + g);
            rules.addObject().put("Variable", "$.id").put("StringMatches", "x-*").put("Next", "W" + g);
            ObjectNode task = all.putObject("T" + g).put("Type", "Task")
                    .put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:f" + g).put("Next", "W" + g);
            task.putArray("Retry").addObject().put("IntervalSeconds", 1).put("MaxAttempts", 2)
                    .putArray("ErrorEquals").add("States.TaskFailed");
            ObjectNode caught = task.putArray("Catch").addObject().put("Next", "W" + g);
            caught.putArray("ErrorEquals").add("States.ALL");
            all.putObject("W" + g).put("Type", "Wait").put("Seconds", 1).put("Next", "M" + g);
            ObjectNode map = all.putObject("M" + g).put("Type", "Map").put("ItemsPath", "$.items");
            if (next == null) {
                map.put("End", true);
            } else {
                map.put("Next", next);
            }
            ObjectNode processor = map.putObject("ItemProcessor");
            // State names are unique across the whole definition, nested ones included.
            processor.put("StartAt", "A" + g).putObject("ProcessorConfig").put("Mode", "INLINE");
            ObjectNode inner = processor.putObject("States");
            inner.putObject("A" + g).put("Type", "Pass").put("Next", "B" + g);
            inner.putObject("B" + g).put("Type", "Choice").put("Default", "D" + g).putArray("Choices").addObject()
                    .put("Variable", "$.qty").put("NumericGreaterThan", 3).put("Next", "D" + g);
            inner.putObject("D" + g).put("Type", "Succeed");
        }
        return definition;
    }
}
