package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.oneJsonataState;
import static io.quickstep.asl.validation.Validation.oneState;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

class WaitFailRulesTest {
    private static final String DURATIONS = "[SecondsPath, Seconds, TimestampPath, Timestamp]";

    private static String waitFor(String members) {
        return oneState("{\"Type\": \"Wait\", " + members + " \"End\": true}");
    }

    @Test
    void aWaitTakesExactlyOneDuration() {
        assertValid(standard(waitFor("\"Seconds\": 0,")));
        assertValid(standard(waitFor("\"SecondsPath\": \"$.s\",")));
        assertValid(standard(waitFor("\"TimestampPath\": \"$$.Execution.StartTime\",")));
        assertDiagnostics(standard(waitFor("")),
                schema("This object should have only one of the following fields: " + DURATIONS, "/States/S"));
        assertDiagnostics(standard(waitFor("\"Seconds\": 1, \"TimestampPath\": \"$.t\",")),
                schema("There should only be one of the following fields: " + DURATIONS, "/States/S"));
    }

    @Test
    void secondsAreANonNegativeInteger() {
        assertDiagnostics(standard(waitFor("\"Seconds\": -1,")), schema("Minimum value is 0", "/States/S/Seconds"));
        assertDiagnostics(standard(waitFor("\"Seconds\": \"5\",")),
                schema("Expected value of type Integer", "/States/S/Seconds"));
        assertValid(standard(oneJsonataState("{\"Type\": \"Wait\", \"Seconds\": \"{% $s %}\", \"End\": true}")));
    }

    @Test
    void aTimestampIsRfc3339UnlessJsonataComputesIt() {
        assertValid(standard(waitFor("\"Timestamp\": \"2016-03-14T01:59:00Z\",")));
        assertDiagnostics(standard(waitFor("\"Timestamp\": \"2016-03-14T01:59:00\",")),
                schema("String does not match RFC3339 timestamp", "/States/S/Timestamp"));
        assertDiagnostics(standard(waitFor("\"Timestamp\": \"{% $now() %}\",")),
                schema("String does not match RFC3339 timestamp", "/States/S/Timestamp"));
        assertDiagnostics(standard(waitFor("\"Timestamp\": 1,")),
                schema("Expected value of type [STRING]", "/States/S/Timestamp"));
        assertValid(standard(oneJsonataState("{\"Type\": \"Wait\", \"Timestamp\": \"{% $now() %}\", \"End\": true}")));
        assertDiagnostics(standard(oneJsonataState("{\"Type\": \"Wait\", \"Timestamp\": \"soon\", \"End\": true}")),
                schema("String does not match RFC3339 timestamp", "/States/S/Timestamp"));
    }

    @Test
    void waitPathsAreReferencePaths() {
        assertDiagnostics(standard(waitFor("\"SecondsPath\": \"$..s\",")),
                schema("Value is not a Reference Path", "/States/S/SecondsPath"));
    }

    @Test
    void failGivesErrorAndCauseOnceEach() {
        assertValid(standard(oneState("{\"Type\": \"Fail\"}")));
        assertValid(standard(oneState("""
                {"Type": "Fail", "ErrorPath": "$.error", "CausePath": "States.Format('{} failed', $.name)"}""")));
        assertDiagnostics(standard(oneState("""
                {"Type": "Fail", "Error": "E", "ErrorPath": "$.e", "Cause": 1, "CausePath": "$.c"}""")),
                schema("There should only be one of the following fields: [Error, ErrorPath]", "/States/S/Error"),
                schema("There should only be one of the following fields: [Cause, CausePath]", "/States/S/Cause"),
                schema("Expected value of type [STRING]", "/States/S/Cause"));
    }

    @Test
    void failPathsAreReferencePathsOrIntrinsicCalls() {
        assertDiagnostics(standard(oneState("""
                {"Type": "Fail", "ErrorPath": "$.errors[*]", "CausePath": "States.Nope($.c)"}""")),
                schema("The value for the field 'ErrorPath' must be a valid JSONPath or a valid intrinsic function"
                        + " call", "/States/S/ErrorPath"),
                schema("The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function"
                        + " call", "/States/S/CausePath"));
    }

    @Test
    void jsonataFailComputesErrorAndCause() {
        assertValid(standard(oneJsonataState("""
                {"Type": "Fail", "Error": "{% $states.input.error %}", "Cause": "{% $states.input.cause %}"}""")));
        assertDiagnostics(standard(oneJsonataState("{\"Type\": \"Fail\", \"ErrorPath\": \"$.e\"}")),
                schema("The QueryLanguage is set to 'JSONata', but field 'ErrorPath' is only supported for the"
                        + " 'JSONPath' QueryLanguage", "/States/S"));
    }
}
