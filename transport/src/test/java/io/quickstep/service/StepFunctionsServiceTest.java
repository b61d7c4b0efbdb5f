package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepFunctionsServiceTest {
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    private static final String PASS_2 = "{\"StartAt\":\"Q\",\"States\":{\"Q\":{\"Type\":\"Pass\",\"Result\":2,\"End\":true}}}";
    private static final String ROLE = "arn:aws:iam::123456789012:role/test";

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void listsStateMachinesPageByPageInNameOrder() {
        StepFunctionsService service = service(new StepFunctionsService.Settings());
        for (String name : List.of("e", "b", "d", "a", "c")) {
            service.createStateMachine(name, PASS, "EXPRESS");
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectNode request = json("{\"maxResults\": 2}");
            if (token != null) {
                request.put("nextToken", token);
            }
            JsonNode page = call(service, "ListStateMachines", request);
            page.get("stateMachines").forEach(m -> names.add(m.get("name").asText()));
            token = page.path("nextToken").textValue();
            pages++;
        } while (token != null);
        assertEquals(List.of("a", "b", "c", "d", "e"), names);
        assertEquals(3, pages);
        assertEquals("InvalidToken", error(service, "ListStateMachines", json("{\"nextToken\": \"not-a-token\"}")).type());
        assertEquals("ValidationException", error(service, "ListStateMachines", json("{\"maxResults\": 1001}")).type());
    }

    @Test
    void keepsStateMachinesVersionsAliasesTagsAndActivitiesInTheDataDirectory(@TempDir Path dir) {
        StepFunctionsService first = service(new StepFunctionsService.Settings().dataDirectory(dir));
        String arn = call(first, "CreateStateMachine", json("{\"name\":\"orders\",\"type\":\"EXPRESS\",\"roleArn\":\"" + ROLE
                + "\",\"publish\":true,\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}").put("definition", PASS))
                .get("stateMachineArn").asText();
        JsonNode updated = call(first, "UpdateStateMachine", json("{\"publish\":true,\"versionDescription\":\"two\"}")
                .put("stateMachineArn", arn).put("definition", PASS_2));
        call(first, "CreateStateMachineAlias", json("{\"name\":\"live\"}").set("routingConfiguration", Json.NODES.arrayNode()
                .add(json("{\"weight\":100}").put("stateMachineVersionArn", arn + ":2"))));
        call(first, "TagResource", json("{\"tags\":[{\"key\":\"env\",\"value\":\"prod\"}]}").put("resourceArn", arn));
        call(first, "CreateActivity", json("{\"name\":\"approve\"}"));

        StepFunctionsService second = service(new StepFunctionsService.Settings().dataDirectory(dir));
        JsonNode described = call(second, "DescribeStateMachine", json("{}").put("stateMachineArn", arn));
        assertEquals(PASS_2, described.get("definition").asText());
        assertEquals(updated.get("revisionId"), described.get("revisionId"));
        JsonNode versions = call(second, "ListStateMachineVersions", json("{}").put("stateMachineArn", arn));
        assertEquals(2, versions.get("stateMachineVersions").size());
        assertEquals("two", call(second, "DescribeStateMachine", json("{}").put("stateMachineArn", arn + ":2"))
                .get("description").asText());
        assertEquals(100, call(second, "DescribeStateMachineAlias", json("{}").put("stateMachineAliasArn", arn + ":live"))
                .at("/routingConfiguration/0/weight").asInt());
        assertEquals("[{\"key\":\"team\",\"value\":\"a\"},{\"key\":\"env\",\"value\":\"prod\"}]",
                Json.write(call(second, "ListTagsForResource", json("{}").put("resourceArn", arn)).get("tags")));
        assertEquals(1, call(second, "ListActivities", json("{}")).get("activities").size());
        // The alias runs version 2, whose Pass state answers 2.
        assertEquals("2", call(second, "StartSyncExecution", json("{}").put("stateMachineArn", arn + ":live"))
                .get("output").asText());
    }

    @Test
    void forgetsTheOldestFinishedExecutionsBeyondTheBound() {
        StepFunctionsService service = service(new StepFunctionsService.Settings().maxStoredExecutions(2));
        String arn = service.createStateMachine("m", PASS, "EXPRESS");
        List<String> executions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            executions.add(call(service, "StartSyncExecution", json("{}").put("stateMachineArn", arn))
                    .get("executionArn").asText());
        }
        JsonNode listed = call(service, "ListExecutions", json("{}").put("stateMachineArn", arn));
        assertEquals(List.of(executions.get(4), executions.get(3)),
                listed.get("executions").findValuesAsText("executionArn"));
        assertEquals("ExecutionDoesNotExist",
                error(service, "DescribeExecution", json("{}").put("executionArn", executions.get(0))).type());
    }

    @Test
    void refusesWhatAwsRefuses() {
        StepFunctionsService service = service(new StepFunctionsService.Settings());
        String express = service.createStateMachine("express", PASS, "EXPRESS");
        String standard = service.createStateMachine("standard", PASS, "STANDARD");

        assertEquals("InvalidName", assertThrows(AwsException.class,
                () -> service.createStateMachine("x".repeat(81), PASS, "EXPRESS")).type());
        assertEquals("InvalidName", assertThrows(AwsException.class,
                () -> service.createStateMachine("with space", PASS, "EXPRESS")).type());
        assertEquals("InvalidDefinition", assertThrows(AwsException.class,
                () -> service.createStateMachine("bad", "{}", "EXPRESS")).type());

        // 256 KiB of input, measured in UTF-8 bytes of the text as sent: "é" is two bytes.
        String atLimit = "\"" + "é".repeat((Executions.MAX_INPUT_BYTES - 2) / 2) + "\"";
        assertEquals("SUCCEEDED", call(service, "StartSyncExecution",
                json("{}").put("stateMachineArn", express).put("input", atLimit)).get("status").asText());
        AwsException tooLarge = error(service, "StartSyncExecution",
                json("{}").put("stateMachineArn", express).put("input", atLimit.replaceFirst("é", "éé")));
        assertEquals("ValidationException", tooLarge.type());
        assertEquals("InvalidExecutionInput", error(service, "StartExecution",
                json("{}").put("stateMachineArn", express).put("input", "{oops")).type());

        assertEquals("InvalidArn", error(service, "DescribeExecution", json("{}").put("executionArn", express)).type());
        assertEquals("InvalidArn", error(service, "DescribeStateMachine", json("{}")
                .put("stateMachineArn", "arn:aws:states:eu-west-1:123456789012:stateMachine:express")).type());
        assertEquals("StateMachineTypeNotSupported", error(service, "StartSyncExecution",
                json("{}").put("stateMachineArn", standard)).type());
        assertEquals("ExecutionAlreadyExists", startTwice(service, standard).type());
        assertEquals("UnknownOperationException", error(service, "MakeCoffee", json("{}")).type());
        AwsException notYet = error(service, "RedriveExecution", json("{}"));
        assertEquals(501, notYet.httpStatus());
        assertTrue(notYet.getMessage().contains("RedriveExecution"), notYet.getMessage());
    }

    private static AwsException startTwice(StepFunctionsService service, String standard) {
        ObjectNode request = json("{\"name\":\"once\"}").put("stateMachineArn", standard);
        call(service, "StartExecution", request);
        return error(service, "StartExecution", request.put("input", "{\"other\":1}"));
    }

    @Test
    void answersThrottlingExceptionWhenTheEngineHoldsItsMostExecutions() {
        // Task calls that never answer hold their executions until the engine closes.
        AsyncTaskHandler never = request -> new CompletableFuture<>();
        Engine engine = Engine.launch(new Engine.Context().shards(1).maxInFlightPerShard(64)
                .shutdownTimeout(Duration.ZERO));
        opened.add(engine);
        StepFunctionsService service = new StepFunctionsService(engine,
                new StepFunctionsService.Settings().tasks(new TaskHandlers().register("wait", never)));
        opened.add(service);
        String arn = service.createStateMachine("held", "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:wait\",\"End\":true}}}", "EXPRESS");
        AwsException refused = null;
        for (int i = 0; i <= 64 && refused == null; i++) {
            refused = attempt(service, "StartExecution", json("{}").put("stateMachineArn", arn));
        }
        assertEquals("ThrottlingException", refused == null ? null : refused.type());
    }

    @Test
    void testStateNamesTheNextStateOfAChoice() {
        StepFunctionsService service = service(new StepFunctionsService.Settings());
        JsonNode answer = call(service, "TestState", json("{\"input\":\"{\\\"n\\\":3}\"}").put("definition",
                "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":2,\"Next\":\"Big\"}],"
                        + "\"Default\":\"Small\"}"));
        assertEquals("SUCCEEDED", answer.get("status").asText());
        assertEquals("Big", answer.get("nextState").asText());
        assertEquals("{\"n\":3}", answer.get("output").asText());
        JsonNode failed = call(service, "TestState", json("{}").put("definition",
                "{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"c\"}"));
        assertEquals("FAILED", failed.get("status").asText());
        assertEquals("E", failed.get("error").asText());
        assertNull(failed.get("nextState"));
        assertFalse(failed.has("output"));
    }

    private static final String LOG_GROUP = "{\"cloudWatchLogsLogGroup\":{\"logGroupArn\":"
            + "\"arn:aws:logs:us-east-1:123456789012:log-group:orders:*\"}}";

    @Test
    void logsAnExpressMachinesExecutionsAsItsLoggingConfigurationSaysAndAnswersTheirHistory(@TempDir Path dir)
            throws Exception {
        Path logs = dir.resolve("logs");
        StepFunctionsService service = service(new StepFunctionsService.Settings().dataDirectory(dir.resolve("data")),
                new Engine.Context().shards(1).logDirectory(logs));
        ObjectNode create = json("{\"name\":\"orders\",\"type\":\"EXPRESS\",\"roleArn\":\"" + ROLE + "\"}")
                .put("definition", PASS);
        assertEquals("InvalidLoggingConfiguration", error(service, "CreateStateMachine", create.deepCopy()
                .set("loggingConfiguration", json("{\"level\":\"ALL\"}"))).type());
        assertEquals("ValidationException", error(service, "CreateStateMachine", create.deepCopy()
                .set("loggingConfiguration", json("{\"level\":\"LOUD\"}"))).type());
        ObjectNode logging = json("{\"level\":\"ALL\",\"includeExecutionData\":true,\"destinations\":[" + LOG_GROUP + "]}");
        String arn = call(service, "CreateStateMachine", create.set("loggingConfiguration", logging))
                .get("stateMachineArn").asText();
        assertEquals(logging, call(service, "DescribeStateMachine", json("{}").put("stateMachineArn", arn))
                .get("loggingConfiguration"));

        JsonNode started = call(service, "StartSyncExecution", json("{\"input\":\"{\\\"a\\\":1}\"}")
                .put("stateMachineArn", arn));
        assertEquals("SUCCEEDED", started.get("status").asText());
        String executionArn = started.get("executionArn").asText();
        JsonNode history = call(service, "GetExecutionHistory", json("{}").put("executionArn", executionArn));
        List<String> types = new ArrayList<>();
        history.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"), types);

        call(service, "UpdateStateMachine", json("{}").put("stateMachineArn", arn)
                .set("loggingConfiguration", json("{\"level\":\"OFF\"}")));
        StepFunctionsService restarted = service(new StepFunctionsService.Settings().dataDirectory(dir.resolve("data")));
        assertEquals("OFF", call(restarted, "DescribeStateMachine", json("{}").put("stateMachineArn", arn))
                .get("loggingConfiguration").get("level").asText());
        close(); // the engines flush their logs
        opened.clear();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(logs)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(file));
            }
            assertEquals(4, lines.size(), lines.toString());
            assertTrue(lines.stream().allMatch(l -> l.contains(executionArn)), lines.toString());
        }
    }

    private StepFunctionsService service(StepFunctionsService.Settings settings) {
        return service(settings, new Engine.Context().shards(1));
    }

    private StepFunctionsService service(StepFunctionsService.Settings settings, Engine.Context context) {
        Engine engine = Engine.launch(context);
        opened.add(engine);
        StepFunctionsService service = new StepFunctionsService(engine, settings);
        opened.add(service);
        return service;
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode call(StepFunctionsService service, String op, JsonNode request) {
        try {
            return StreamedAnswer.tree(service.call(op, request).toCompletableFuture().get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The error of a call that must fail. */
    private static AwsException error(StepFunctionsService service, String op, JsonNode request) {
        AwsException refused = attempt(service, op, request);
        if (refused == null) {
            throw new AssertionError(op + " answered, but was expected to fail");
        }
        return refused;
    }

    /** The error of a call, or null when it answered. */
    private static AwsException attempt(StepFunctionsService service, String op, JsonNode request) {
        try {
            call(service, op, request);
            return null;
        } catch (AwsException e) {
            return e;
        }
    }
}
