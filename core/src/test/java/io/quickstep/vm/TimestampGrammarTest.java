package io.quickstep.vm;

import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.validation.DefinitionValidator;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Wait states and Choice rules read timestamps with the validator's grammar: RFC 3339 with seconds,
 * uppercase T and Z, offsets up to 23:59.
 */
class TimestampGrammarTest {

    private static ExecutionResult run(String definition, String input) throws Exception {
        return StateMachine.create("timestamps", definition).execute(Json.parse(input), ExecutionOptions.defaults());
    }

    private static String timestampEquals(String operand) {
        return """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.t", "%s": "2016-03-14T01:59:00Z", "Next": "Yes"}],
                        "Default": "No"},
                  "Yes": {"Type": "Pass", "Result": "matched", "End": true},
                  "No": {"Type": "Pass", "Result": "not matched", "End": true}}}""".formatted(operand);
    }

    @Test
    void aTimestampWithoutSecondsIsNoTimestampToChoiceRules() throws Exception {
        assertEquals("matched", run(timestampEquals("TimestampEquals"), "{\"t\": \"2016-03-14T02:59:00+01:00\"}")
                .output().textValue());
        assertEquals("not matched", run(timestampEquals("TimestampEquals"), "{\"t\": \"2016-03-14T01:59Z\"}")
                .output().textValue());
        assertEquals("not matched", run(timestampEquals("TimestampEquals"), "{\"t\": \"2016-03-14t01:59:00z\"}")
                .output().textValue());
        String isTimestamp = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.t", "IsTimestamp": true, "Next": "Yes"}],
                        "Default": "No"},
                  "Yes": {"Type": "Pass", "Result": "timestamp", "End": true},
                  "No": {"Type": "Pass", "Result": "not a timestamp", "End": true}}}""";
        assertEquals("not a timestamp", run(isTimestamp, "{\"t\": \"2016-03-14T01:59Z\"}").output().textValue());
        assertEquals("timestamp", run(isTimestamp, "{\"t\": \"2016-03-14T01:59:00.5-23:59\"}").output().textValue());
    }

    @Test
    void aTimestampPathWithoutSecondsFailsTheWait() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.t", "End": true}}}""",
                "{\"t\": \"2016-03-14T01:59Z\"}");
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals(StatesErrors.RUNTIME, result.error());
        assertEquals("An error occurred while executing the state 'W' (entered at the event id #2). The "
                + "TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format "
                + "string: $.t == 2016-03-14T01:59Z", result.cause());
    }

    @Test
    void aWaitTimestampTheValidatorAcceptsIsWaitedFor() throws Exception {
        String definition = """
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2016-03-14T01:59:00+19:00", "End": true}}}""";
        assertEquals(List.of(), DefinitionValidator.validate(definition, "EXPRESS"));
        ExecutionResult result = run(definition, "{\"a\": 1}");
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.toString());
        assertEquals(Json.parse("{\"a\": 1}"), result.output());
    }
}
