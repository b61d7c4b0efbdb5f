package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.oneJsonataState;
import static io.quickstep.asl.validation.Validation.oneState;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

/** JSONPath and JSONata: which language each state uses, and the fields only one of them has. */
class QueryLanguageTest {
    private static final String DOWNGRADE =
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";
    private static final String ENUM = "Value should be one of the following: [JSONPath, JSONata]";

    private static String jsonPathOnly(String field) {
        return "The QueryLanguage is set to 'JSONata', but field '" + field
                + "' is only supported for the 'JSONPath' QueryLanguage";
    }

    private static String jsonataOnly(String field) {
        return "The QueryLanguage is set to 'JSONPath', but field '" + field
                + "' is only supported for the 'JSONata' QueryLanguage";
    }

    @Test
    void aJsonataStateRefusesTheJsonPathFields() {
        assertDiagnostics(standard(oneJsonataState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "InputPath": "$",
                 "Parameters": {}, "ResultSelector": {}, "ResultPath": "$", "OutputPath": "$",
                 "TimeoutSecondsPath": "$.t"}""")),
                schema(jsonPathOnly("InputPath"), "/States/S"),
                schema(jsonPathOnly("Parameters"), "/States/S"),
                schema(jsonPathOnly("ResultSelector"), "/States/S"),
                schema(jsonPathOnly("ResultPath"), "/States/S"),
                schema(jsonPathOnly("OutputPath"), "/States/S"),
                schema(jsonPathOnly("TimeoutSecondsPath"), "/States/S"));
    }

    @Test
    void aJsonPathStateRefusesTheJsonataFields() {
        assertDiagnostics(standard(oneState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                 "Arguments": {}, "Output": {}}""")),
                schema(jsonataOnly("Arguments"), "/States/S"),
                schema(jsonataOnly("Output"), "/States/S"));
    }

    @Test
    void jsonataFieldsAreExpressionsNotPaths() {
        assertValid(standard(oneJsonataState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                 "Arguments": "{% $states.input %}", "Output": {"x.$": "not a path", "y": "{% $states.input.y %}"},
                 "Assign": {"v": "{% $states.result %}"}, "TimeoutSeconds": "{% $t %}"}""")));
    }

    @Test
    void aStateMayChooseItsLanguage() {
        assertValid(standard(oneState("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": 1, \"End\": true}")));
    }

    @Test
    void aJsonataMachineCannotHaveJsonPathStatesAndSaysOnlyThat() {
        assertDiagnostics(standard(oneJsonataState("""
                {"Type": "Pass", "QueryLanguage": "JSONPath", "Output": {"v": 1}, "End": true}""")),
                schema(DOWNGRADE, "/States/S"));
    }

    @Test
    void aStateLanguageOutsideTheEnumIsReportedAndReadAsJsonata() {
        assertDiagnostics(standard(oneState("""
                {"Type": "Pass", "QueryLanguage": "jsonata", "Output": 1, "InputPath": "$", "End": true}""")),
                schema(ENUM, "/States/S/QueryLanguage"),
                schema(jsonPathOnly("InputPath"), "/States/S"));
        assertDiagnostics(standard(oneState("{\"Type\": \"Pass\", \"QueryLanguage\": 5, \"End\": true}")),
                schema("Expected value of type [STRING]", "/States/S/QueryLanguage"));
    }

    @Test
    void aMachineLanguageOutsideTheEnumIsReportedAtTheTop() {
        assertDiagnostics(standard("""
                {"QueryLanguage": "jsonpath", "StartAt": "S", "States": {"S": {"Type": "Pass", "Output": 1, "End": true}}}"""),
                schema(ENUM, "/QueryLanguage"));
    }

    @Test
    void nestedStatesInheritTheMachinesLanguageNotTheirParentStates() {
        assertDiagnostics(standard("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
                  "Items": "{% [1, 2] %}", "ItemProcessor": {"StartAt": "P", "States": {
                    "P": {"Type": "Pass", "Output": {"v": "{% $states.input %}"}, "End": true}}}}}}"""),
                schema(jsonataOnly("Output"), "/States/M/ItemProcessor/States/P"));
        assertValid(standard("""
                {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemProcessor": {"StartAt": "P", "States": {
                    "P": {"Type": "Pass", "Output": {"v": "{% $states.input %}"}, "End": true}}}}}}"""));
    }

    @Test
    void catchersAndChoiceRulesFollowTheirStatesLanguage() {
        assertDiagnostics(standard(oneJsonataState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                 "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "S", "ResultPath": "$.e"}]}""")),
                schema(jsonPathOnly("ResultPath"), "/States/S/Catch[0]"));
        assertDiagnostics(standard("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D",
                  "Choices": [{"Condition": "{% true %}", "Next": "D", "Output": 1}]}, "D": {"Type": "Succeed"}}}"""),
                schema(jsonataOnly("Condition"), "/States/C/Choices[0]"),
                schema(jsonataOnly("Output"), "/States/C/Choices[0]"));
    }
}
