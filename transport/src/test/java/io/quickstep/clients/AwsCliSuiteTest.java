package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI's Step Functions commands against the server on an ephemeral loopback port. Skipped,
 * with the reason, when {@code aws} is not installed ({@code .ci/run} installs Debian's awscli).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCliSuiteTest {
    private static final String GREETER = """
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
              "Parameters": {"greeting.$": "States.Format('hello {}', $.name)"}, "End": true}}}""";
    private static final String MISSING_TARGET = """
            {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Next": "World"}}}""";
    private LocalServer server;
    private AwsCli aws;
    private String machineArn;

    @BeforeAll
    void start() throws IOException {
        String unavailable = AwsCli.unavailable();
        if (unavailable != null) {
            System.out.println("AwsCliSuiteTest skipped: " + unavailable);
        }
        assumeTrue(unavailable == null, unavailable);
        server = LocalServer.start();
        aws = new AwsCli(server.endpoint());
        var created = aws.stepfunctions("create-state-machine", "--name", "greeter", "--type", "EXPRESS",
                "--definition", GREETER, "--role-arn", "arn:aws:iam::123456789012:role/cli");
        assertEquals(0, created.exit(), created.toString());
        machineArn = created.json().path("stateMachineArn").asText();
        assertTrue(machineArn.endsWith(":stateMachine:greeter"), machineArn);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void startSyncExecutionAnswersTheWorkflowsOutput() throws IOException {
        var sync = aws.stepfunctions("start-sync-execution", "--state-machine-arn", machineArn,
                "--input", "{\"name\": \"cli\"}");
        assertEquals(0, sync.exit(), sync.toString());
        JsonNode answer = sync.json();
        assertEquals("SUCCEEDED", answer.path("status").asText());
        assertEquals(Json.parse("{\"greeting\": \"hello cli\"}"), Json.parse(answer.path("output").asText()));
        assertTrue(answer.path("executionArn").asText().contains(":express:greeter:"), answer.toString());
    }

    @Test
    void startExecutionThenDescribeExecutionUntilItEnds() throws Exception {
        var started = aws.stepfunctions("start-execution", "--state-machine-arn", machineArn,
                "--name", "from-cli", "--input", "{\"name\": \"later\"}");
        assertEquals(0, started.exit(), started.toString());
        String executionArn = started.json().path("executionArn").asText();
        assertTrue(executionArn.contains(":express:greeter:from-cli:"), executionArn); // an Express ARN, as on AWS
        JsonNode described = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            var describe = aws.stepfunctions("describe-execution", "--execution-arn", executionArn);
            assertEquals(0, describe.exit(), describe.toString());
            described = describe.json();
            if (!"RUNNING".equals(described.path("status").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("SUCCEEDED", described.path("status").asText(), described.toString());
        assertEquals(Json.parse("{\"greeting\": \"hello later\"}"), Json.parse(described.path("output").asText()));
        assertEquals(machineArn, described.path("stateMachineArn").asText());
    }

    @Test
    void listStateMachinesShowsTheMachine() throws IOException {
        var list = aws.stepfunctions("list-state-machines");
        assertEquals(0, list.exit(), list.toString());
        JsonNode machines = list.json().path("stateMachines");
        assertEquals(1, machines.size(), machines.toString());
        assertEquals("greeter", machines.get(0).path("name").asText());
        assertEquals("EXPRESS", machines.get(0).path("type").asText());
        assertEquals(machineArn, machines.get(0).path("stateMachineArn").asText());
    }

    @Test
    void validateStateMachineDefinitionGivesABadDefinitionsDiagnostics() throws IOException {
        var validate = aws.stepfunctions("validate-state-machine-definition", "--definition", MISSING_TARGET);
        assumeTrue(!validate.err().contains("Invalid choice"),
                "this AWS CLI predates validate-state-machine-definition: " + validate.err().strip());
        assertEquals(0, validate.exit(), validate.toString());
        JsonNode answer = validate.json();
        assertEquals("FAIL", answer.path("result").asText(), answer.toString());
        JsonNode first = answer.path("diagnostics").get(0);
        assertEquals("ERROR", first.path("severity").asText());
        assertEquals("MISSING_TRANSITION_TARGET", first.path("code").asText());
        assertEquals("/States/Hello/Next", first.path("location").asText());
    }

    @Test
    void invalidInputIsRefusedWithInvalidExecutionInput() throws IOException {
        var refused = aws.stepfunctions("start-execution", "--state-machine-arn", machineArn,
                "--input", "{\"name\": ");
        assertNotEquals(0, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("(InvalidExecutionInput)"), refused.err());
        assertTrue(refused.err().contains("StartExecution operation"), refused.err());
        assertEquals("", refused.out().strip());
    }
}
