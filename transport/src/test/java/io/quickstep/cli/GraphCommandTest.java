package io.quickstep.cli;

import io.quickstep.cli.Cli.Outcome;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.quickstep.cli.Cli.quickstep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quickstep graph}, {@code run --graph} and {@code test --graphs} as a user runs them. */
class GraphCommandTest {
    private static final Path ORDER = Path.of("..", "examples", "order");
    private static final String DEFINITION = ORDER.resolve("order.asl.json").toString();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheSvgOfADefinition() {
        Outcome outcome = quickstep("graph", DEFINITION);
        assertEquals(0, outcome.exit(), outcome.toString());
        assertTrue(outcome.out().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qs-graph\""), outcome.out());
        assertTrue(outcome.out().contains("data-state=\"Charge\" data-type=\"Task\""), outcome.out());
        assertEquals("", outcome.err());
    }

    @Test
    void shouldTakeTheFormatFromTheOptionOrTheFileName() throws IOException {
        assertTrue(quickstep("graph", DEFINITION, "--format", "dot").out().startsWith("digraph \"order\" {"));
        assertTrue(quickstep("graph", DEFINITION, "--format", "MERMAID").out().contains("flowchart TD"));
        for (String name : new String[] {"order.dot", "order.mmd", "order.svg", "order.png", "order.txt"}) {
            Path file = dir.resolve(name);
            Outcome outcome = quickstep("graph", DEFINITION, "--out", file.toString());
            assertEquals(0, outcome.exit(), outcome.toString());
            assertEquals("", outcome.out());
            byte[] written = Files.readAllBytes(file);
            String text = new String(written, java.nio.charset.StandardCharsets.UTF_8);
            switch (name) {
                case "order.dot" -> assertTrue(text.startsWith("digraph"), text);
                case "order.mmd" -> assertTrue(text.contains("flowchart TD"), text);
                case "order.png" -> assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(written, PNG_SIGNATURE.length));
                default -> assertTrue(text.startsWith("<svg"), name + ": SVG unless the name says otherwise");
            }
        }
    }

    @Test
    void shouldRefuseADefinitionWithErrorsAsRunDoesButDrawUnreachableStates() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.asl.json"),
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}");
        Outcome refused = quickstep("graph", invalid.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, refused.exit());
        assertEquals("quickstep: " + invalid + ": invalid definition: MISSING_TRANSITION_TARGET: Missing 'Next' "
                + "target: B at /States/A/Next; MISSING_END_STATE: Workflow has no terminal state\n", refused.err());
        assertEquals(quickstep("run", invalid.toString()).err(), refused.err());

        Path unreachable = Files.writeString(dir.resolve("unreachable.asl.json"), "{\"StartAt\": \"A\", \"States\": {"
                + "\"A\": {\"Type\": \"Succeed\"}, \"B\": {\"Type\": \"Pass\", \"End\": true}}}");
        assertEquals(1, quickstep("validate", unreachable.toString()).exit());
        Outcome drawn = quickstep("graph", unreachable.toString());
        assertEquals(0, drawn.exit(), drawn.toString());
        assertTrue(drawn.out().contains("class=\"state pass unreachable\" data-state=\"B\""), drawn.out());
    }

    @Test
    void shouldDrawAnExecutionRunWithTheGraphOption() throws IOException {
        Path svg = dir.resolve("run.svg");
        Outcome outcome = quickstep("run", DEFINITION, "--input", "@" + ORDER.resolve("order-input.json"),
                "--virtual-time", "--graph", svg.toString());
        assertEquals(1, outcome.exit(), "the Charge task has no handler: caught, then the Fail state");
        String drawn = Files.readString(svg);
        assertTrue(drawn.contains("data-execution-status=\"FAILED\""), drawn);
        assertTrue(drawn.contains("class=\"state task status-caught retried\" data-state=\"Charge\""), drawn);
        assertTrue(drawn.contains("class=\"state fail status-failed\" data-state=\"ChargeFailed\""), drawn);
        assertTrue(drawn.contains("class=\"state task status-not-reached\" data-state=\"Reserve\""), drawn);
    }

    @Test
    void shouldDrawAnExecutionFromItsLogRecords() throws IOException {
        Path svg = dir.resolve("run.svg");
        quickstep("run", DEFINITION, "--input", "@" + ORDER.resolve("order-input.json"), "--mocks",
                ORDER.resolve("order.mocks.json").toString(), "--graph", svg.toString());
        Path history = dir.resolve("history.json");
        Files.writeString(history, "{\"events\": [" + String.join(",",
                "{\"id\": 1, \"previousEventId\": 0, \"type\": \"ExecutionStarted\", \"executionStartedEventDetails\": {}}",
                "{\"id\": 2, \"previousEventId\": 1, \"type\": \"PassStateEntered\", \"stateEnteredEventDetails\": {\"name\": \"Normalize\"}}",
                "{\"id\": 3, \"previousEventId\": 2, \"type\": \"PassStateExited\", \"stateExitedEventDetails\": {\"name\": \"Normalize\"}}",
                "{\"id\": 4, \"previousEventId\": 3, \"type\": \"ChoiceStateEntered\", \"stateEnteredEventDetails\": {\"name\": \"Route\"}}")
                + "]}");
        Outcome outcome = quickstep("graph", DEFINITION, "--events", history.toString());
        assertEquals(0, outcome.exit(), outcome.toString());
        assertTrue(outcome.out().contains("class=\"state pass status-succeeded\" data-state=\"Normalize\""));
        assertTrue(outcome.out().contains("class=\"state choice status-in-progress\" data-state=\"Route\""));

        Path notEvents = Files.writeString(dir.resolve("events.jsonl"), Json.write(Json.NODES.objectNode()) + "\n");
        Outcome refused = quickstep("graph", DEFINITION, "--events", notEvents.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, refused.exit());
        assertEquals("quickstep: " + notEvents + ": event 1: not an event (an object with a type)\n", refused.err());
    }

    @Test
    void shouldWriteTheGraphOfEachFailingCase() throws IOException {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("wrong.json"), "{\"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": "
                + "{\"Type\": \"Pass\", \"End\": true}}}, \"input\": {\"a\": 1}, \"expected\": {\"status\": \"FAILED\"}}");
        Path graphs = dir.resolve("graphs");
        Outcome outcome = quickstep("test", cases.toString(), "--graphs", graphs.toString());
        assertEquals(1, outcome.exit(), outcome.toString());
        try (var files = Files.list(graphs)) {
            Path written = files.findFirst().orElseThrow();
            assertTrue(written.getFileName().toString().equals("wrong.svg"), written.toString());
            assertTrue(outcome.out().contains("    graph: " + written + "\n"), outcome.out());
            assertTrue(Files.readString(written).contains("class=\"state pass status-succeeded\" data-state=\"P\""));
        }
    }
}
