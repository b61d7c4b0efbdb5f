package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.error;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

class RetryCatchRulesTest {
    private static final String STATES_ALL = "States.ALL must appear alone and at end of list";

    /** Task T with these extra fields (JSON members, with a trailing comma), then D, then the Fail state F. */
    private static String task(String members) {
        return "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\":"
                + " \"arn:aws:states:::lambda:invoke\", " + members + " \"Next\": \"D\"},"
                + " \"D\": {\"Type\": \"Pass\", \"Next\": \"F\"}, \"F\": {\"Type\": \"Fail\"}}}";
    }

    @Test
    void acceptsFullRetriersAndCatchers() {
        assertValid(standard(task("""
                "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "States.Timeout"], "IntervalSeconds": 0,
                           "MaxAttempts": 0, "BackoffRate": 1, "MaxDelaySeconds": 5, "JitterStrategy": "FULL",
                           "Comment": "c"},
                          {"ErrorEquals": ["States.ALL"], "BackoffRate": 1.5}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": null, "Comment": "c",
                           "Assign": {"e.$": "$.Error"}}],""")));
    }

    @Test
    void retrierFieldsAndRanges() {
        assertDiagnostics(standard(task("""
                "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": -1, "MaxAttempts": 1.5, "BackoffRate": 0.5,
                           "MaxDelaySeconds": 0, "JitterStrategy": "HALF", "Interval": 1},
                          {"ErrorEquals": ["E"], "MaxAttempts": 100000000, "BackoffRate": "2"}],""")),
                schema("Minimum value is 0", "/States/T/Retry[0]/IntervalSeconds"),
                schema("Expected value of type Integer", "/States/T/Retry[0]/MaxAttempts"),
                schema("Minimum value is 1.0", "/States/T/Retry[0]/BackoffRate"),
                schema("Minimum value is 1", "/States/T/Retry[0]/MaxDelaySeconds"),
                schema("Value should be one of the following: [NONE, FULL]", "/States/T/Retry[0]/JitterStrategy"),
                schema("Field 'Interval' is not supported", "/States/T/Retry[0]"),
                schema("Maximum value is 99999999", "/States/T/Retry[1]/MaxAttempts"),
                schema("Expected value of type [NUMBER]", "/States/T/Retry[1]/BackoffRate"));
    }

    @Test
    void errorEqualsIsANonEmptyListOfNames() {
        assertDiagnostics(standard(task("""
                "Retry": [{"MaxAttempts": 1}, {"ErrorEquals": []}, {"ErrorEquals": ["E", 1]}, {"ErrorEquals": "E"}],""")),
                schema("These fields are required: [ErrorEquals]", "/States/T/Retry[0]"),
                schema("Value cannot be empty", "/States/T/Retry[1]/ErrorEquals"),
                schema("Expected value of type [STRING]", "/States/T/Retry[2]/ErrorEquals[1]"),
                schema("Expected value of type [ARRAY]", "/States/T/Retry[3]/ErrorEquals"));
    }

    @Test
    void statesAllIsAloneAndLast() {
        assertDiagnostics(standard(task("""
                "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["E"]}],
                "Catch": [{"ErrorEquals": ["E", "States.ALL"], "Next": "F"}],""")),
                schema(STATES_ALL, "/States/T/Retry[0]/ErrorEquals"),
                schema(STATES_ALL, "/States/T/Catch[0]/ErrorEquals"));
    }

    @Test
    void catchersNeedATargetInTheirBlock() {
        assertDiagnostics(standard(task("""
                "Catch": [{"ErrorEquals": ["E"]}, {"ErrorEquals": ["E"], "Next": "Ghost"}],""")),
                schema("These fields are required: [Next]", "/States/T/Catch[0]"),
                error("MISSING_TRANSITION_TARGET", "Missing 'Next' target: Ghost", "/States/T/Catch[1]/Next"));
    }

    @Test
    void catcherFields() {
        assertDiagnostics(standard(task("""
                "Catch": [{"ErrorEquals": ["E"], "Next": "F", "ResultPath": "$.a[*]", "Retry": [], "Output": 1}],""")),
                schema("Value is not a Reference Path", "/States/T/Catch[0]/ResultPath"),
                schema("Field 'Retry' is not supported", "/States/T/Catch[0]"),
                schema("The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the"
                        + " 'JSONata' QueryLanguage", "/States/T/Catch[0]"));
    }

    @Test
    void retryAndCatchAreArrays() {
        assertDiagnostics(standard(task("\"Retry\": {}, \"Catch\": [1],")),
                schema("Expected value of type [ARRAY]", "/States/T/Retry"),
                schema("Expected value of type [OBJECT]", "/States/T/Catch[0]"));
        assertValid(standard(task("\"Retry\": [], \"Catch\": [{\"ErrorEquals\": [\"E\"], \"Next\": \"F\"}],")));
    }
}
