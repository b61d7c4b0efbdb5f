package io.quickstep.testing;

import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReportTest {

    private static TestCase testCase(String id) throws Exception {
        return TestCase.parse(Json.parse("{\"id\":\"" + id + "\",\"definition\":{\"States\":{}},"
                + "\"expected\":{\"status\":\"SUCCEEDED\"}}"), id);
    }

    private static String print(CaseReport report) {
        StringWriter out = new StringWriter();
        report.print(new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void shouldPrintOneLinePerFailingCaseThenTheCounts() throws Exception {
        CaseReport report = new CaseReport(List.of(
                new CaseResult(testCase("a/1#0"), null),
                new CaseResult(testCase("b/2#0"), "$.output:\n  expected 1,   got 2"),
                new CaseResult(testCase("c/3#0"), "x".repeat(400))));
        assertEquals("FAIL b/2#0: $.output: expected 1, got 2\nFAIL c/3#0: " + "x".repeat(297) + "...\n"
                + "1 passed, 2 failed\n", print(report));
        assertFalse(report.allPassed());
    }

    @Test
    void shouldCloseWithTheCountsAlone() throws Exception {
        CaseReport report = new CaseReport(List.of(new CaseResult(testCase("a/1#0"), null)));
        assertEquals("1 passed, 0 failed\n", print(report));
        assertTrue(report.allPassed());
        assertEquals("0 passed, 0 failed\n", print(new CaseReport(List.of())));
    }

    @Test
    void shouldListSkippedCasesWithTheirReasonAndCountThemApart() throws Exception {
        CaseReport report = new CaseReport(List.of(
                new CaseResult(testCase("a/1#0"), null),
                CaseResult.skipped(testCase("logs/2#0"), "logs cases need\nlog output"),
                new CaseResult(testCase("b/3#0"), "differs")));
        assertEquals("SKIP logs/2#0: logs cases need log output\nFAIL b/3#0: differs\n1 passed, 1 failed, 1 skipped\n",
                print(report));
        assertEquals(1, report.skipped());
        assertFalse(report.allPassed());
        assertTrue(new CaseReport(List.of(CaseResult.skipped(testCase("logs/2#0"), "why"))).allPassed());
    }

    @Test
    void theEnginesJudgeSkipsApiCasesWithAReasonAndJudgesLogsCases() throws Exception {
        TestCase api = TestCase.parse(Json.parse("{\"id\":\"api/x#0\",\"kind\":\"api\",\"steps\":[]}"), "x");
        TestCase logs = TestCase.parse(Json.parse("""
                {"id": "logs/x#0", "kind": "logs", "recorded_as": "EXPRESS",
                 "definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "input": {"a": 1},
                 "logging_configuration": {"level": "ALL", "includeExecutionData": true},
                 "expected_logs": [
                   {"id": "1", "type": "ExecutionStarted", "previous_event_id": "0", "redrive_count": "0",
                    "details": {"input": {"a": 1}, "inputDetails": {"truncated": false}, "roleArn": "<role>"},
                    "execution_arn": "arn:aws:states:<region>:<account>:express:<machine>"},
                   {"id": "2", "type": "PassStateEntered", "previous_event_id": "0", "redrive_count": "0",
                    "details": {"name": "P", "input": {"a": 1}, "inputDetails": {"truncated": false}},
                    "execution_arn": "<arn>"},
                   {"id": "3", "type": "PassStateExited", "previous_event_id": "2", "redrive_count": "0",
                    "details": {"name": "P", "output": {"a": 1}, "outputDetails": {"truncated": false}},
                    "execution_arn": "<arn>"},
                   {"id": "4", "type": "ExecutionSucceeded", "previous_event_id": "3", "redrive_count": "0",
                    "details": {"output": {"a": 2}, "outputDetails": {"truncated": false}},
                    "execution_arn": "<arn>"}]}"""), "x");
        List<CaseResult> results = new CaseRunner().run(List.of(api, logs, testCase("a/1#0")));
        assertTrue(results.get(0).skipped().startsWith("API cases need the Step Functions service"), results.get(0).skipped());
        assertFalse(results.get(1).wasSkipped());
        assertEquals("$.expected_logs[3].details.output.a: expected 2, got 1 (event ExecutionSucceeded, got ExecutionSucceeded)",
                results.get(1).difference());
        assertFalse(results.get(2).wasSkipped());
    }
}
