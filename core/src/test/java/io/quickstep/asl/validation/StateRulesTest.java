package io.quickstep.asl.validation;

import io.quickstep.asl.Diagnostic;
import org.junit.jupiter.api.Test;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.oneJsonataState;
import static io.quickstep.asl.validation.Validation.oneState;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

/** What every state has: a Type, fields its type accepts, its transition, its input and output. */
class StateRulesTest {
    @Test
    void aStateNeedsAType() {
        assertDiagnostics(standard(oneState("{\"End\": true}")),
                schema("These fields are required: [Type]", "/States/S"),
                Validation.error("MISSING_END_STATE", "Workflow has no terminal state", null));
    }

    @Test
    void anUnknownTypeIsNamedButItsTransitionsStillCount() {
        assertDiagnostics(standard("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Tsk", "Next": "B"},
                  "B": {"Type": "Succeed"}}}"""),
                schema("Value should be one of the following: [Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map]",
                        "/States/A/Type"));
    }

    @Test
    void fieldsTheTypeDoesNotAcceptAreNotSupported() {
        assertDiagnostics(standard(oneState("""
                {"Type": "Pass", "End": true, "TimeoutSeconds": 5, "Retry": [], "_comment": "x"}""")),
                schema("Field 'TimeoutSeconds' is not supported", "/States/S"),
                schema("Field 'Retry' is not supported", "/States/S"),
                schema("Field '_comment' is not supported", "/States/S"));
    }

    @Test
    void terminalTypesHaveNoTransition() {
        assertDiagnostics(standard(oneState("{\"Type\": \"Succeed\", \"Next\": \"S\", \"End\": true}")),
                schema("Field 'Next' is not supported", "/States/S"),
                schema("Field 'End' is not supported", "/States/S"));
    }

    @Test
    void exactlyOneOfNextAndEnd() {
        String both = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true}, "B": {"Type": "Succeed"}}}""";
        assertDiagnostics(standard(both), schema("There should only be one of the following fields: [Next, End]",
                "/States/A"));
        assertDiagnostics(standard(oneState("{\"Type\": \"Wait\", \"Seconds\": 1, \"End\": false}")),
                schema("This object should have only one of the following fields: [Next, End]", "/States/S"),
                Validation.error("MISSING_END_STATE", "Workflow has no terminal state", null));
        assertDiagnostics(standard(oneState("{\"Type\": \"Pass\", \"End\": \"true\"}")),
                schema("Expected value of type [BOOLEAN]", "/States/S/End"),
                schema("This object should have only one of the following fields: [Next, End]", "/States/S"),
                Validation.error("MISSING_END_STATE", "Workflow has no terminal state", null));
    }

    @Test
    void pathsMustParse() {
        assertDiagnostics(standard(oneState("""
                {"Type": "Pass", "End": true, "InputPath": "a.b", "OutputPath": "$.a[", "ResultPath": "$.a[*]"}""")),
                schema("Value must be a valid JSONPath.", "/States/S/InputPath"),
                schema("Value must be a valid JSONPath.", "/States/S/OutputPath"),
                schema("Value is not a Reference Path", "/States/S/ResultPath"));
    }

    @Test
    void pathsMayBeNullOrReadTheContextAndVariables() {
        assertValid(standard(oneState("""
                {"Type": "Pass", "End": true, "InputPath": null, "OutputPath": null, "ResultPath": null}""")));
        assertValid(standard(oneState("""
                {"Type": "Pass", "End": true, "InputPath": "$$.Execution.Input", "OutputPath": "$var.x",
                 "ResultPath": "$.result[0].value"}""")));
        assertDiagnostics(standard(oneState("{\"Type\": \"Pass\", \"End\": true, \"InputPath\": 1}")),
                schema("Expected value of type [STRING]", "/States/S/InputPath"));
    }

    @Test
    void payloadTemplateSelectorsTakeAPathOrAnIntrinsicCall() {
        assertValid(standard(oneState("""
                {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                 "Parameters": {"FunctionName": "f", "a.$": "$.a", "b": [{"c.$": "States.Format('{}', $.c)"}],
                                "token.$": "$$.Task.Token", "v.$": "$var"},
                 "ResultSelector": {"p.$": "$.Payload"}}""")));
        assertDiagnostics(standard(oneState("""
                {"Type": "Pass", "End": true,
                 "Parameters": {"a.$": "a", "b": [{"c.$": "States.Nope()"}], "d.$": 1, "e": {"f.$": "$.x["}}}""")),
                schema("The value for the field 'a.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/S/Parameters/a.$"),
                schema("The value for the field 'c.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/S/Parameters/b[0]/c.$"),
                schema("The value for the field 'd.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/S/Parameters/d.$"),
                schema("The value for the field 'f.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/S/Parameters/e/f.$"));
    }

    @Test
    void aPassResultIsAnyValueAndNeverEvaluated() {
        assertValid(standard(oneState("{\"Type\": \"Pass\", \"End\": true, \"Result\": {\"a.$\": \"not a path\"}}")));
    }

    @Test
    void assignIsAnObjectWhoseSelectorsAreCheckedInJsonPath() {
        assertDiagnostics(standard(oneState("{\"Type\": \"Pass\", \"End\": true, \"Assign\": []}")),
                schema("Expected value of type [OBJECT]", "/States/S/Assign"));
        assertDiagnostics(standard(oneState("{\"Type\": \"Pass\", \"End\": true, \"Assign\": {\"x.$\": \"x\"}}")),
                schema("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/S/Assign/x.$"));
    }

    @Test
    void assignedVariablesHaveIdentifierNames() {
        assertValid(standard(oneJsonataState("""
                {"Type": "Pass", "End": true, "Assign": {"x": 1, "_y2": "{% $states.input %}", "LONG": 3}}"""
                .replace("LONG", "a".repeat(80)))));
        assertDiagnostics(standard(oneJsonataState("""
                {"Type": "Pass", "End": true, "Assign": {"1bad-name": 1, "states": 2, "x.$": 3, "LONG": 4}}"""
                        .replace("LONG", "a".repeat(81)))),
                badName("1bad-name", "/States/S/Assign/1bad-name"), badName("states", "/States/S/Assign/states"),
                badName("x.$", "/States/S/Assign/x.$"), badName("a".repeat(81), "/States/S/Assign/" + "a".repeat(81)));
    }

    @Test
    void aJsonPathAssignNamesItsVariableWithoutTheSelectorSuffix() {
        assertValid(standard(oneState("{\"Type\": \"Pass\", \"End\": true, \"Assign\": {\"x.$\": \"$.a\", \"y\": 1}}")));
        assertDiagnostics(standard(oneState("""
                {"Type": "Pass", "End": true, "Assign": {"bad-name.$": "$.a", "a/b": 1}}""")),
                badName("bad-name", "/States/S/Assign/bad-name.$"), badName("a/b", "/States/S/Assign/a~1b"));
    }

    @Test
    void catchersAndChoiceRulesAssignUnderTheSameRule() {
        assertDiagnostics(standard("""
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "T",
                        "Assign": {"9lives": 1}}], "Default": "T", "Assign": {"states.$": "$"}},
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "T", "Assign": {"e-1": 1}}]}}}"""),
                badName("9lives", "/States/C/Choices[0]/Assign/9lives"), badName("states", "/States/C/Assign/states.$"),
                badName("e-1", "/States/T/Catch[0]/Assign/e-1"));
    }

    private static Diagnostic badName(String name, String location) {
        return schema("Invalid variable name '" + name + "': a name starts with a letter or underscore, continues with "
                + "letters, digits or underscores, is at most 80 characters long and is not 'states'", location);
    }

    @Test
    void commentIsText() {
        assertDiagnostics(standard(oneState("{\"Type\": \"Succeed\", \"Comment\": {}}")),
                schema("Expected value of type [STRING]", "/States/S/Comment"));
    }
}
