package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated state graphs of Pass, Choice, Wait and end states, with loops everywhere: whatever the
 * graph, an execution ends, on the calling thread and on a shard, and one whose reachable states
 * cannot end runs into its time limit (TIMED_OUT, States.Timeout) rather than forever. Clocks that
 * pass ten seconds on every reading make the limits come at once.
 */
class LoopProperties {
    /** One generated state: its type and the indexes of the states it may go to. */
    record Node(int type, int next, int alternative) {
        static final int PASS = 0;
        static final int CHOICE = 1;
        static final int WAIT = 2;
        static final int SUCCEED = 3;
        static final int FAIL = 4;
    }

    @Provide
    Arbitrary<List<Node>> graphs() {
        Arbitrary<Node> node = Combinators.combine(
                Arbitraries.integers().between(0, 4).withDistribution(net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7)).as(Node::new);
        return node.list().ofMinSize(1).ofMaxSize(8);
    }

    private static String name(int index) {
        return "S" + index;
    }

    /** The definition of the states S0 can reach (AWS refuses unreachable ones), behind a gate. */
    private static JsonNode definition(List<Node> nodes) {
        ObjectNode definition = Json.NODES.objectNode();
        definition.put("TimeoutSeconds", 60);
        // AWS wants a terminal state: a gate that could go to one, but never does (no $.never).
        definition.put("StartAt", "Gate");
        ObjectNode states = definition.putObject("States");
        ObjectNode gate = states.putObject("Gate").put("Type", "Choice").put("Default", name(0));
        gate.putArray("Choices").addObject().put("Variable", "$.never").put("IsPresent", true).put("Next", "Done");
        states.putObject("Done").put("Type", "Succeed");
        for (int i : reachable(nodes)) {
            Node node = nodes.get(i);
            ObjectNode state = states.putObject(name(i));
            String next = name(node.next() % nodes.size());
            switch (node.type()) {
                case Node.PASS:
                    state.put("Type", "Pass").put("Next", next);
                    break;
                case Node.CHOICE: {
                    state.put("Type", "Choice").put("Default", next);
                    ArrayNode choices = state.putArray("Choices");
                    choices.addObject().put("Variable", "$.stop").put("IsPresent", true)
                            .put("Next", name(node.alternative() % nodes.size()));
                    break;
                }
                case Node.WAIT:
                    state.put("Type", "Wait").put("Seconds", 1).put("Next", next);
                    break;
                case Node.SUCCEED:
                    state.put("Type", "Succeed");
                    break;
                default:
                    state.put("Type", "Fail").put("Error", "Generated");
            }
        }
        return definition;
    }

    /** The states reachable from the start by any transition. */
    private static Set<Integer> reachable(List<Node> nodes) {
        Set<Integer> seen = new java.util.TreeSet<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(0));
        while (!todo.isEmpty()) {
            int i = todo.poll();
            if (seen.add(i)) {
                Node node = nodes.get(i);
                if (node.type() == Node.PASS || node.type() == Node.CHOICE || node.type() == Node.WAIT) {
                    todo.add(node.next() % nodes.size());
                }
                if (node.type() == Node.CHOICE) {
                    todo.add(node.alternative() % nodes.size());
                }
            }
        }
        return seen;
    }

    /** Whether a Succeed or Fail state can be reached from the start with this input. */
    private static boolean canEnd(List<Node> nodes, boolean stop) {
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(0));
        while (!todo.isEmpty()) {
            int i = todo.poll();
            if (!seen.add(i)) {
                continue;
            }
            Node node = nodes.get(i);
            if (node.type() == Node.SUCCEED || node.type() == Node.FAIL) {
                return true;
            }
            boolean takesAlternative = node.type() == Node.CHOICE && stop;
            todo.add((takesAlternative ? node.alternative() : node.next()) % nodes.size());
        }
        return false;
    }

    /** Ten seconds pass on every reading, so that a minute-long limit comes after a few slices. */
    private static Clock fastClock() {
        return new Clock() {
            private long now = System.currentTimeMillis();

            @Override
            public synchronized long millis() {
                return now += 10_000;
            }

            @Override
            public synchronized void sleep(long durationMillis) {
                now += durationMillis;
            }
        };
    }

    private static void assertEndsAsTheGraphSays(ExecutionResult result, List<Node> nodes, boolean stop) {
        if (canEnd(nodes, stop)) {
            assertTrue(result.status() == ExecutionStatus.SUCCEEDED || result.status() == ExecutionStatus.FAILED
                    || result.status() == ExecutionStatus.TIMED_OUT, result.toString());
        } else {
            assertEquals(ExecutionStatus.TIMED_OUT, result.status(), result.toString());
            assertEquals("States.Timeout", result.error());
        }
    }

    @Property(tries = 200)
    void everyExecutionEndsOnTheCallingThread(@ForAll("graphs") List<Node> nodes, @ForAll boolean stop) {
        StateMachine machine = create(nodes);
        JsonNode input = stop ? Json.NODES.objectNode().put("stop", true) : Json.NODES.objectNode();
        ExecutionResult result = machine.execute(input, ExecutionOptions.defaults().clock(fastClock()));
        assertEndsAsTheGraphSays(result, nodes, stop);
    }

    @Property(tries = 50)
    void everyExecutionEndsOnAShard(@ForAll("graphs") List<Node> nodes, @ForAll boolean stop) throws Exception {
        StateMachine machine = create(nodes);
        JsonNode input = stop ? Json.NODES.objectNode().put("stop", true) : Json.NODES.objectNode();
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).clock(fastClock()).tasks(new TaskHandlers()))) {
            ExecutionResult result = engine.startSync(machine, input).get(30, TimeUnit.SECONDS);
            assertEndsAsTheGraphSays(result, nodes, stop);
            FaultInjectionTest.assertBooksBalance(engine);
        }
    }

    private static StateMachine create(List<Node> nodes) {
        try {
            return StateMachine.create("loops", Json.write(definition(nodes)));
        } catch (DefinitionException e) {
            throw new AssertionError("a generated definition was refused: " + e.getMessage(), e);
        }
    }
}
