package io.quickstep.jmh;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.graph.WorkflowDiagram;
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
 * Drawing a large definition, as {@code quickstep graph} does: validate it, build its graph, lay it
 * out with the Eclipse Layout Kernel, write the SVG ({@code svg}); and the DOT text, which needs no
 * layout ({@code dot}). The definition has {@code states} states in groups of ten: a Pass, a Choice
 * of two rules and a Default, a Task with Retry and a Catch, a Wait, and a Map whose item processor
 * holds a Pass, a Map (a Task and a Pass inside) and a Succeed, so half of the states are nested one
 * or two Maps deep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class GraphBenchmark {
    @Param({"100", "300"})
    public int states;

    private String definition;

    @Setup
    public void setUp() {
        if (states < 10 || states % 10 != 0) {
            throw new IllegalArgumentException("states must be a multiple of 10, was " + states);
        }
        definition = Json.write(definition(states));
        WorkflowDiagram.of("large", definition); // throws if the definition is not valid
    }

    @Benchmark
    public String svg() {
        return WorkflowDiagram.of("large", definition).svg();
    }

    @Benchmark
    public String dot() {
        return WorkflowDiagram.of("large", definition).dot();
    }

    /** {@code states} states in groups of ten, each group leading to the next. */
    static ObjectNode definition(int states) {
        ObjectNode definition = Json.NODES.objectNode().put("StartAt", "P0");
        ObjectNode all = definition.putObject("States");
        int groups = states / 10;
        for (int g = 0; g < groups; g++) {
            all.putObject("P" + g).put("Type", "Pass").put("Next", "C" + g);
            ObjectNode choice = all.putObject("C" + g).put("Type", "Choice").put("Default", "T" + g);
            ArrayNode rules = choice.putArray("Choices");
            rules.addObject().put("Variable", "$.group").put("NumericGreaterThan", 1_000_000).put("Next", "W" + g);
            rules.addObject().put("Variable", "$.id").put("StringMatches", "x-*").put("Next", "T" + g);
            ObjectNode task = all.putObject("T" + g).put("Type", "Task")
                    .put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:f" + g).put("Next", "W" + g);
            task.putArray("Retry").addObject().put("MaxAttempts", 2).putArray("ErrorEquals").add("States.TaskFailed");
            task.putArray("Catch").addObject().put("Next", "P" + g).putArray("ErrorEquals").add("States.ALL");
            all.putObject("W" + g).put("Type", "Wait").put("Seconds", 1).put("Next", "M" + g);
            ObjectNode map = all.putObject("M" + g).put("Type", "Map").put("ItemsPath", "$.items");
            if (g + 1 < groups) {
                map.put("Next", "P" + (g + 1));
            } else {
                map.put("End", true);
            }
            // State names are unique across the whole definition, nested ones included.
            ObjectNode outer = map.putObject("ItemProcessor").put("StartAt", "A" + g).putObject("States");
            outer.putObject("A" + g).put("Type", "Pass").put("Next", "N" + g);
            ObjectNode nested = outer.putObject("N" + g).put("Type", "Map").put("ItemsPath", "$.lines").put("Next", "Z" + g);
            outer.putObject("Z" + g).put("Type", "Succeed");
            ObjectNode inner = nested.putObject("ItemProcessor").put("StartAt", "X" + g).putObject("States");
            inner.putObject("X" + g).put("Type", "Task").put("Resource", "arn:aws:states:::price").put("Next", "Y" + g);
            inner.putObject("Y" + g).put("Type", "Pass").put("End", true);
        }
        return definition;
    }
}
