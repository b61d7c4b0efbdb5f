package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExecutionCaseJudgeTest {

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    private static ExecutionResult succeeded(String output) throws Exception {
        return new ExecutionResult(ExecutionStatus.SUCCEEDED, json(output), null, null, 0, 0);
    }

    private static ExecutionResult failed(String error, String cause) {
        return new ExecutionResult(ExecutionStatus.FAILED, null, error, cause, 0, 0);
    }

    @Test
    void shouldCompareTheOutputOfASuccess() throws Exception {
        JsonNode expected = json("{\"status\":\"SUCCEEDED\",\"output\":{\"n\":1,\"at\":\"<date>\"}}");
        assertNull(ExecutionCaseJudge.diff(expected, succeeded("{\"n\":1.0,\"at\":\"2024-01-01T00:00:00Z\"}"), Set.of()));
        assertEquals("$.output.n: expected 1, got 2", ExecutionCaseJudge.diff(expected, succeeded("{\"n\":2,\"at\":1}"), Set.of()));
    }

    @Test
    void shouldCompareTheStatusFirstAndShowTheFailure() throws Exception {
        JsonNode expected = json("{\"status\":\"SUCCEEDED\",\"output\":{}}");
        assertEquals("status: expected SUCCEEDED, got FAILED (States.Runtime: \"boom\")",
                ExecutionCaseJudge.diff(expected, failed("States.Runtime", "boom"), Set.of()));
    }

    @Test
    void shouldCompareErrorAndCauseUnlessTheCauseIsIgnored() throws Exception {
        JsonNode expected = json("{\"status\":\"FAILED\",\"error\":\"States.Timeout\",\"cause\":null}");
        assertNull(ExecutionCaseJudge.diff(expected, failed("States.Timeout", null), Set.of()));
        assertEquals("$.cause: expected null, got \"late\"", ExecutionCaseJudge.diff(expected, failed("States.Timeout", "late"), Set.of()));
        assertNull(ExecutionCaseJudge.diff(expected, failed("States.Timeout", "late"), Set.of("$.cause")));
        assertEquals("$.error: expected \"States.Timeout\", got \"States.TaskFailed\"",
                ExecutionCaseJudge.diff(expected, failed("States.TaskFailed", null), Set.of("$.cause")));
    }

    @Test
    void shouldParseTheCauseWhenTheExpectedCauseIsAnObject() throws Exception {
        JsonNode expected = json("{\"status\":\"FAILED\",\"error\":\"Exception\",\"cause\":{\"errorMessage\":\"x\",\"trace\":[]}}");
        assertNull(ExecutionCaseJudge.diff(expected, failed("Exception", "{\"trace\": [], \"errorMessage\": \"x\"}"), Set.of()));
        assertEquals("$.cause: not JSON: \"x\"", ExecutionCaseJudge.diff(expected, failed("Exception", "x"), Set.of()));
        assertEquals("$.cause: expected {\"errorMessage\":\"x\",\"trace\":[]}, got null",
                ExecutionCaseJudge.diff(expected, failed("Exception", null), Set.of()));
    }

    @Test
    void shouldRefuseMocksNamingNoTaskStateBeforeRunning() throws Exception {
        TestCase misnamed = TestCase.parse(json("{\"definition\": {\"StartAt\": \"BookHotel\", \"States\": {\"BookHotel\": "
                + "{\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:book\", \"End\": true}}},"
                + " \"mocks\": {\"BookHotle\": [{\"return\": 1}]}, \"expected\": {\"status\": \"SUCCEEDED\"}}"), "misnamed");
        assertEquals("mocks.BookHotle: no state of the definition has this name; did you mean 'BookHotel'?",
                ExecutionCaseJudge.judge(misnamed, Clock.virtual()));
    }
}
