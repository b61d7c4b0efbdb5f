package io.quickstep.readme;

import com.fasterxml.jackson.databind.JsonNode;
// README: imports
import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
// README: end
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.InvalidExecutionInputException;
import io.quickstep.asl.DefinitionException;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java snippets are regions of this file, marked {@code // README: name} ...
 * {@code // README: end}: each test runs its regions against the shipped order example, and
 * {@link #shouldShowInTheReadmeExactlyTheRegionsOfThisFile} fails when the README's {@code java}
 * blocks and these regions differ, so the README shows code that compiles and runs.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("../README.md");
    private static final Path SELF = Path.of("src/test/java/io/quickstep/readme/ReadmeExamplesTest.java");
    private static final Path ORDER = Path.of("../examples/order");

    /** Stand-ins for the user's own services, as the README's snippets call them. */
    private final Payments payments = new Payments();
    private final Stock stock = new Stock();

    @Test
    void shouldRunAnExecutionOnTheCallingThread() throws IOException {
        String definitionJson = Files.readString(ORDER.resolve("order.asl.json"));
        String inputJson = Files.readString(ORDER.resolve("order-input.json"));
        ExecutionResult[] ran = new ExecutionResult[1];
        String printed = printedBy(() -> {
            // README: execute
            StateMachine machine = StateMachine.create("orders", definitionJson);
            TaskHandlers handlers = new TaskHandlers()
                    .register("charge", request -> payments.charge(request.input()))   // Resource: ...:function:charge
                    .register("reserve", request -> stock.reserve(request.input()));
            ExecutionResult result = machine.execute(inputJson, ExecutionOptions.defaults().tasks(handlers));
            if (result.succeeded()) {
                System.out.println(result.output());                                    // a Jackson JsonNode
            } else {
                System.out.println(result.status() + " " + result.error() + ": " + result.cause());
            }
            // README: end
            ran[0] = result;
        });
        assertEquals(ExecutionStatus.SUCCEEDED, ran[0].status(), printed);
        assertEquals("{\"chargeId\":\"ch-o-1\",\"charged\":42.5}\n", printed);
        assertEquals(1, payments.calls);
        assertEquals(1, stock.calls);
    }

    @Test
    void shouldRunExecutionsOnTheEngine() throws IOException {
        StateMachine machine = StateMachine.create("orders", Files.readString(ORDER.resolve("order.asl.json")));
        String inputJson = Files.readString(ORDER.resolve("order-input.json"));
        TaskHandlers handlers = new TaskHandlers().register("charge", request -> payments.charge(request.input()));
        String printed = printedBy(() -> {
            // README: engine
            try (Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(handlers))) {
                AsyncTaskHandler reserve = request -> stock.reserveLater(request.input()); // answers on any thread
                handlers.register("reserve", reserve);
                StartResult start = engine.start(machine, inputJson);                    // never blocks
                switch (start.status()) {
                    case ACCEPTED -> System.out.println(start.executionArn() + " " + start.completion().join().status());
                    case THROTTLED -> System.out.println("busy: try again later");       // maxInFlightPerShard reached
                    case SHUT_DOWN -> System.out.println("the engine is closed");
                }
                ExecutionResult second = engine.startSync(machine, inputJson).join();    // a CompletableFuture
                engine.stop(start.executionArn(), "Cancelled", "by the user");           // if it still runs
                StateMachineMetrics metrics = engine.metrics(machine);  // started, succeeded, ..., latency, by state
                EngineMetrics totals = engine.metrics();               // all machines, errors by kind, stalls
                System.out.println(second.status() + " " + metrics.succeeded() + " " + totals.errors().total());
            }
            // README: end
        });
        String[] lines = printed.split("\n");
        assertEquals(2, lines.length, printed);
        assertTrue(lines[0].matches("arn:aws:states:[^:]+:\\d{12}:express:orders:.+ SUCCEEDED"), lines[0]);
        assertEquals("SUCCEEDED 2 0", lines[1]);
        assertEquals(2, stock.calls);
    }

    @Test
    void shouldTellTheReadmesErrorsAsDocumented() {
        DefinitionException invalid = assertThrows(DefinitionException.class,
                () -> StateMachine.create("bad", "{\"StartAt\":\"Missing\",\"States\":{}}"));
        assertFalse(invalid.diagnostics().isEmpty());
        StateMachine machine = StateMachine.create("pass",
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        InvalidExecutionInputException badInput = assertThrows(InvalidExecutionInputException.class,
                () -> machine.execute("{\"a\":", ExecutionOptions.defaults()));
        assertTrue(badInput.getMessage().startsWith("The execution input is not valid JSON"), badInput.getMessage());
        assertTrue(badInput.getMessage().contains("line 1, column"), badInput.getMessage());
        assertFalse(badInput.getMessage().contains("Source:") || badInput.getMessage().contains("`"),
                badInput.getMessage());
    }

    @Test
    void shouldShowInTheReadmeExactlyTheRegionsOfThisFile() throws IOException {
        Map<String, String> regions = regions(Files.readString(SELF));
        assertEquals(List.of("imports", "execute", "engine"), List.copyOf(regions.keySet()));
        List<String> blocks = javaBlocks(Files.readString(README));
        assertEquals(List.copyOf(regions.values()), blocks,
                "the README's java blocks must be this file's README regions, in order");
    }

    /** What {@code example} prints on {@code System.out}. */
    private static String printedBy(Runnable example) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            example.run();
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Each {@code // README: name} region, its lines unindented by the marker's indentation. */
    private static Map<String, String> regions(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^( *)// README: (\\w+)\\n(.*?)^ *// README: end\\n", Pattern.DOTALL)
                .matcher(source);
        while (m.find()) {
            String indent = m.group(1);
            StringBuilder text = new StringBuilder();
            for (String line : m.group(3).split("\n", -1)) {
                text.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
            regions.put(m.group(2), text.toString().stripTrailing() + "\n");
        }
        return regions;
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static final class Payments {
        int calls;

        JsonNode charge(JsonNode order) {
            calls++;
            ObjectNode payment = Json.NODES.objectNode();
            payment.put("chargeId", "ch-" + order.path("orderId").asText());
            payment.set("charged", order.path("total"));
            return payment;
        }
    }

    private static final class Stock {
        int calls;

        JsonNode reserve(JsonNode order) {
            calls++;
            return Json.NODES.objectNode().put("reserved", order.path("items").size());
        }

        CompletionStage<JsonNode> reserveLater(JsonNode order) {
            return CompletableFuture.supplyAsync(() -> reserve(order),
                    CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS));
        }
    }
}
