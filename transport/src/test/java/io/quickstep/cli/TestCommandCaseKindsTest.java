package io.quickstep.cli;

import io.quickstep.testing.KnownFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quickstep test} on every kind of case the corpus holds: API cases run against an embedded
 * Step Functions service, logs cases are judged by the CloudWatch Logs records of their execution's
 * events, and cases that carry a history are said to be judged on their result only.
 */
class TestCommandCaseKindsTest {
    private static final String EXECUTION = """
            {"id": "base/pass#0", "definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
             "input": {"a": 1}, "expected": {"status": "SUCCEEDED", "output": {"a": 1}},
             "history": [{"id": 1, "previousEventId": 0, "type": "ExecutionStarted"}]}""";
    private static final String API = """
            {"id": "api/describe_missing#0", "kind": "api", "steps": [
              {"op": "DescribeStateMachine",
               "request": {"stateMachineArn": "arn:aws:states:${region}:${account}:stateMachine:none"},
               "expect": {"error": "StateMachineDoesNotExist",
                          "message": "State Machine Does Not Exist: 'arn:<partition>:states:<region>:<account>:stateMachine:none'"}},
              {"op": "ListStateMachines", "request": {}, "expect": {"response": {"stateMachines": []}}}],
             "ignore": [], "tags": []}""";
    private static final String LOGS = """
            {"id": "logs/pass#0", "kind": "logs",
             "definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "input": {},
             "logging_configuration": {"level": "ALL", "includeExecutionData": false},
             "expected_logs": [
               {"id": "1", "type": "ExecutionStarted", "details": {"roleArn": "<snf_role_arn>"},
                "previous_event_id": "0", "execution_arn": "<arn>", "redrive_count": "0"},
               {"id": "2", "type": "PassStateEntered", "details": {"name": "P"},
                "previous_event_id": "0", "execution_arn": "<arn>", "redrive_count": "0"},
               {"id": "3", "type": "PassStateExited", "details": {"name": "P"},
                "previous_event_id": "2", "execution_arn": "<arn>", "redrive_count": "0"},
               {"id": "4", "type": "ExecutionSucceeded", "details": {},
                "previous_event_id": "3", "execution_arn": "<arn>", "redrive_count": "0"}],
             "ignore": [], "tags": []}""";

    @TempDir
    Path dir;

    private record Outcome(int exit, String out) {
    }

    private Outcome test(String... args) {
        StringWriter out = new StringWriter();
        int exit = QuickstepCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(args);
        return new Outcome(exit, out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void apiCasesRunAgainstAnEmbeddedServiceAndLogsCasesAreJudgedByTheirRecords() throws IOException {
        Files.writeString(dir.resolve("execution.json"), EXECUTION);
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api").resolve("describe.json"), API);
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs").resolve("pass.json"), LOGS);
        Outcome outcome = test("test", dir.toString());
        assertEquals(0, outcome.exit(), outcome.out());
        assertEquals("""
                note: 1 cases carry AWS's execution history; only their results are compared (histories are issue 11)
                3 passed, 0 failed
                """, outcome.out());
    }

    @Test
    void anApiCaseThatDiffersFromAwsFailsAtItsStep() throws IOException {
        Path file = Files.writeString(dir.resolve("api.json"), API.replace("\"stateMachines\": []", "\"stateMachines\": [1]"));
        Outcome outcome = test("test", file.toString());
        assertEquals(1, outcome.exit(), outcome.out());
        assertTrue(outcome.out().startsWith("FAIL api/describe_missing#0: step 1 ListStateMachines: "), outcome.out());
        assertTrue(outcome.out().endsWith("0 passed, 1 failed\n"), outcome.out());
    }

    @Test
    void theApiCorpusFailsOnlyItsKnownFailuresWithTheCli() throws Exception {
        Path conformance = Path.of("src", "test", "resources", "conformance");
        Outcome outcome = test("test", conformance.resolve("api").toString());
        Set<String> failed = outcome.out().lines().filter(line -> line.startsWith("FAIL "))
                .map(line -> line.substring(5, line.indexOf(": "))).collect(Collectors.toSet());
        assertEquals(KnownFailures.load(conformance.resolve("api-known-failures.txt")).ids(), failed, outcome.out());
        assertTrue(outcome.out().endsWith((69 - failed.size()) + " passed, " + failed.size() + " failed\n"), outcome.out());
    }
}
