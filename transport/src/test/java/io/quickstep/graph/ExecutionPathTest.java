package io.quickstep.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.events.CloudWatchRecord;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static io.quickstep.graph.ExecutionPath.Status.CANCELLED;
import static io.quickstep.graph.ExecutionPath.Status.CAUGHT;
import static io.quickstep.graph.ExecutionPath.Status.FAILED;
import static io.quickstep.graph.ExecutionPath.Status.IN_PROGRESS;
import static io.quickstep.graph.ExecutionPath.Status.NOT_REACHED;
import static io.quickstep.graph.ExecutionPath.Status.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths of real executions, from their events as recorded, as logged and as GetExecutionHistory gives them. */
class ExecutionPathTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:express:order:run-1:abc";
    private static final String NESTED_INPUT = "{\"orders\": [{\"lines\": [1, 2]}, {\"lines\": [3]}]}";

    private static ExecutionPath path(StateGraph graph, List<HistoryEvent> events) {
        return ExecutionPath.of(graph, ExecutionEvents.of(events));
    }

    private static StateGraph order() {
        return StateGraphs.of("order", Executions.example("order"));
    }

    /** The edge of {@code graph} from the state {@code from} to the state {@code to} (or marker ids). */
    private static StateGraph.Edge edge(StateGraph graph, String from, String to) {
        String fromId = graph.node(from) == null ? from : graph.node(from).id();
        String toId = graph.node(to) == null ? to : graph.node(to).id();
        return graph.blocks().stream().flatMap(b -> b.edges().stream())
                .filter(e -> e.from().equals(fromId) && e.to().equals(toId)).findFirst().orElseThrow();
    }

    @Test
    void shouldColourTheWayASucceededExecutionWentWithItsRetry() {
        StateGraph graph = order();
        ExecutionPath path = path(graph, Executions.run(Executions.example("order"), Executions.orderInput(),
                "{\"Charge\": [{\"throw\": {\"error\": \"Busy\", \"cause\": \"later\"}}, {\"return\": {\"chargeId\": \"c\"}}],"
                        + " \"Reserve\": [{\"return\": {}}]}"));

        assertEquals("SUCCEEDED", path.executionStatus());
        for (String state : List.of("Normalize", "Route", "AutoTier", "Reserve", "Confirm")) {
            assertEquals(SUCCEEDED, path.state(state).status(), state);
            assertEquals(0, path.state(state).retries(), state);
        }
        assertEquals(SUCCEEDED, path.state("Charge").status());
        assertEquals(1, path.state("Charge").retries());
        assertEquals("succeeded · retried 1", path.state("Charge").summary());
        assertEquals(NOT_REACHED, path.state("ManualTier").status());
        assertEquals(NOT_REACHED, path.state("ChargeFailed").status());
        assertEquals(1, path.taken(edge(graph, "Route", "AutoTier").id()));
        assertEquals(0, path.taken(edge(graph, "Route", "ManualTier").id()));
        assertEquals(0, path.taken(edge(graph, "Charge", "ChargeFailed").id()));
        assertEquals(1, path.taken(edge(graph, "Confirm", "b0-end").id()));
        assertEquals(1, path.taken(edge(graph, "b0-start", "Normalize").id()));
    }

    @Test
    void shouldShowARetriedFailureCaughtAndTheFailStateItWentTo() {
        StateGraph graph = order();
        ExecutionPath path = path(graph, Executions.run(Executions.example("order"), Executions.orderInput(), "{}"));

        assertEquals("FAILED", path.executionStatus());
        assertEquals(CAUGHT, path.state("Charge").status());
        assertEquals(2, path.state("Charge").retries());
        assertEquals(FAILED, path.state("ChargeFailed").status());
        assertEquals(NOT_REACHED, path.state("Reserve").status());
        assertEquals(1, path.taken(edge(graph, "Charge", "ChargeFailed").id()));
        assertEquals(0, path.taken(edge(graph, "Charge", "Reserve").id()));
    }

    @Test
    void shouldCountMapIterationsAndTheWayEachWent() {
        StateGraph graph = StateGraphs.of("map", Executions.example("map"));
        ExecutionPath path = path(graph, Executions.run(Executions.example("map"),
                "{\"bulkDiscountPercent\": 5, \"lines\": [{\"sku\": \"a\", \"qty\": 1}, {\"sku\": \"b\", \"qty\": 0},"
                        + " {\"sku\": \"c\", \"qty\": 2}, {\"sku\": \"d\", \"qty\": 12}]}", "{}"));

        assertEquals(new ExecutionPath.Runs(4, 0, 0), path.runs(graph.node("Sort lines")));
        assertEquals(new ExecutionPath.StateRun(4, 4, 0, 0, 0, 0, 0), path.state("How many"));
        assertEquals("4× succeeded", path.state("How many").summary());
        assertEquals(2, path.state("Single").entered());
        assertEquals(1, path.state("Skip").entered());
        assertEquals(1, path.state("Bulk").entered());
        assertEquals(2, path.taken(edge(graph, "How many", "Single").id()));
        assertEquals(4, path.taken(edge(graph, "b1-start", "How many").id()));
        assertEquals(4, path.taken(edge(graph, "Single", "b1-end").id()) + path.taken(edge(graph, "Skip", "b1-end").id())
                + path.taken(edge(graph, "Bulk", "b1-end").id()));
        assertEquals(1, path.taken(edge(graph, "Sort lines", "Done").id()));
    }

    @Test
    void shouldCountNestedMapsInsideAParallelBranchAndTheRetriesInThem() {
        StateGraph graph = StateGraphs.of("nested", Executions.definition("nested-map-in-parallel"));
        ExecutionPath path = path(graph, Executions.run(Executions.definition("nested-map-in-parallel"), NESTED_INPUT,
                "{\"Audit\": [{\"return\": {}}], \"Price\": [{\"throw\": {\"error\": \"Busy\", \"cause\": \"\"}},"
                        + " {\"return\": 1}, {\"return\": 2}, {\"return\": 3}]}"));

        assertEquals("SUCCEEDED", path.executionStatus());
        assertEquals(new ExecutionPath.Runs(2, 0, 0), path.runs(graph.node("Each order")));
        assertEquals(new ExecutionPath.Runs(3, 0, 0), path.runs(graph.node("Each line")));
        assertEquals(new ExecutionPath.Runs(2, 0, 0), path.runs(graph.node("Split")));
        assertEquals(3, path.state("Price").entered());
        assertEquals(1, path.state("Price").retries());
        assertEquals(SUCCEEDED, path.state("Price").status());
        assertEquals(SUCCEEDED, path.state("Done").status());
        assertEquals(NOT_REACHED, path.state("Report failure").status());
    }

    @Test
    void shouldShowAFailureInsideNestedMapsCaughtByTheParallel() {
        StateGraph graph = StateGraphs.of("nested", Executions.definition("nested-map-in-parallel"));
        ExecutionPath path = path(graph, Executions.run(Executions.definition("nested-map-in-parallel"),
                "{\"orders\": [{\"lines\": [1]}]}",
                "{\"Audit\": [{\"return\": {}}], \"Price\": [{\"throw\": {\"error\": \"Broken\", \"cause\": \"no price\"}}]}"));

        assertEquals("FAILED", path.executionStatus());
        assertEquals(FAILED, path.state("Price").status());
        assertEquals(0, path.state("Price").retries(), "Broken is not retried");
        assertEquals(new ExecutionPath.Runs(0, 1, 0), path.runs(graph.node("Each line")));
        assertEquals(NOT_REACHED, path.state("Total").status());
        assertEquals(CAUGHT, path.state("Split").status());
        assertEquals(FAILED, path.state("Report failure").status());
        assertEquals(1, path.taken(edge(graph, "Split", "Report failure").id()));
        assertEquals(0, path.taken(edge(graph, "Split", "Done").id()));
    }

    @Test
    void shouldShowTheStateAnUnfinishedExecutionIsIn() {
        StateGraph graph = order();
        List<HistoryEvent> events = Executions.run(Executions.example("order"), Executions.orderInput(),
                "{\"Charge\": [{\"return\": {}}], \"Reserve\": [{\"return\": {}}]}");
        int scheduled = 0;
        while (!events.get(scheduled).type().name().equals("TaskStateEntered")) {
            scheduled++;
        }
        ExecutionPath path = path(graph, events.subList(0, scheduled + 2));

        assertNull(path.executionStatus());
        assertEquals(IN_PROGRESS, path.state("Charge").status());
        assertEquals(SUCCEEDED, path.state("AutoTier").status());
        assertEquals(NOT_REACHED, path.state("Reserve").status());
    }

    @Test
    void shouldReadTheSamePathFromLogRecordsAndFromGetExecutionHistory() {
        StateGraph graph = StateGraphs.of("nested", Executions.definition("nested-map-in-parallel"));
        List<HistoryEvent> events = Executions.run(Executions.definition("nested-map-in-parallel"), NESTED_INPUT,
                "{\"Audit\": [{\"return\": {}}], \"Price\": [{\"throw\": {\"error\": \"Busy\", \"cause\": \"\"}},"
                        + " {\"return\": 1}, {\"return\": 2}, {\"throw\": {\"error\": \"Broken\", \"cause\": \"\"}}]}");
        ExecutionPath recorded = path(graph, events);

        String lines = CloudWatchRecord.records(events, ARN, LoggingConfiguration.of(LogLevel.ALL, true)).stream()
                .map(Json::write).collect(Collectors.joining("\n"));
        ObjectNode history = Json.NODES.objectNode();
        ArrayNode array = history.putArray("events");
        events.forEach(event -> array.add(event.toJson()));

        for (String text : List.of(lines, Json.write(history), Json.write(array))) {
            ExecutionPath read = ExecutionPath.of(graph, ExecutionEvents.parse(text, null));
            assertEquals(recorded.executionStatus(), read.executionStatus());
            for (StateGraph.Node node : graph.nodes()) {
                assertEquals(recorded.state(node.name()), read.state(node.name()), node.name());
            }
            for (StateGraph.Block block : graph.blocks()) {
                block.edges().forEach(e -> assertEquals(recorded.taken(e.id()), read.taken(e.id()), e.toString()));
            }
        }
        assertEquals(CAUGHT, recorded.state("Split").status());
        assertEquals(1, recorded.state("Price").failed());
    }

    @Test
    void shouldPickOneExecutionOfALogFileThatHoldsSeveral() {
        List<HistoryEvent> failed = Executions.run(Executions.example("order"), Executions.orderInput(), "{}");
        List<HistoryEvent> succeeded = Executions.run(Executions.example("order"), Executions.orderInput(),
                "{\"Charge\": [{\"return\": {}}], \"Reserve\": [{\"return\": {}}]}");
        String other = ARN.replace("run-1", "run-2");
        String lines = records(failed, ARN) + "\n" + records(succeeded, other) + "\n";

        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> ExecutionEvents.parse(lines, null));
        assertEquals("the events of 2 executions (from " + ARN + "); choose one with --execution ARN", several.getMessage());
        StateGraph graph = order();
        assertEquals("FAILED", ExecutionPath.of(graph, ExecutionEvents.parse(lines, ARN)).executionStatus());
        assertEquals("SUCCEEDED", ExecutionPath.of(graph, ExecutionEvents.parse(lines, other)).executionStatus());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ExecutionEvents.parse(lines, "arn:nothing"));
        assertEquals("no events of execution arn:nothing", none.getMessage());
    }

    @Test
    void shouldSayWhichLineOfAnEventsFileIsNotJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExecutionEvents.parse("{\"id\": \"1\", \"type\": \"ExecutionStarted\", \"details\": {}}\n{oops\n", null));
        assertTrue(e.getMessage().startsWith("line 2: malformed JSON at line 1, column 2"), e.getMessage());
        assertEquals("event 1: not an event (an object with a type)",
                assertThrows(IllegalArgumentException.class, () -> ExecutionEvents.parse("[1, 2]", null)).getMessage());
    }

    @Test
    void shouldShowWhereAnExecutionFailedWithoutAFailedTask() {
        String definition = "{\"StartAt\": \"Read\", \"States\": {\"Read\": {\"Type\": \"Pass\", "
                + "\"InputPath\": \"$.missing\", \"End\": true}}}";
        ExecutionPath path = path(StateGraphs.of("read", definition), Executions.run(definition, "{}", "{}"));

        assertEquals("FAILED", path.executionStatus());
        assertEquals(FAILED, path.state("Read").status());
    }

    @Test
    void shouldCallVisitsLeftOpenByAFailureElsewhereCancelled() {
        String definition = """
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "arn:aws:states:::slow", "End": true}}},
                  {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom"}}}]}}}""";
        StateGraph graph = StateGraphs.of("both", definition);
        List<HistoryEvent> events = Executions.run(definition, "{}", "{\"Slow\": [{\"timeout\": true}]}");
        ExecutionPath path = path(graph, events);

        assertEquals("FAILED", path.executionStatus());
        assertEquals(FAILED, path.state("Boom").status());
        assertEquals(FAILED, path.state("Both").status());
        assertEquals(CANCELLED, path.state("Slow").status());
    }

    private static String records(List<HistoryEvent> events, String arn) {
        return CloudWatchRecord.records(events, arn, LoggingConfiguration.of(LogLevel.ALL, false)).stream()
                .map(Json::write).collect(Collectors.joining("\n"));
    }
}
