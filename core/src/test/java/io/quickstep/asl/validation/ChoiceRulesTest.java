package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.error;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

class ChoiceRulesTest {
    private static final String SELECTOR =
            "The object must have only one of the following fields, [And, Or, Not, Variable, Condition]";

    /** A Choice state C with these rules (a JSON array), Default D; D is terminal. */
    private static String choice(String rules) {
        return "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Default\": \"D\", \"Choices\": "
                + rules + "}, \"D\": {\"Type\": \"Succeed\"}}}";
    }

    @Test
    void acceptsEveryKindOfRule() {
        assertValid(standard(choice("""
                [{"Variable": "$.a", "StringEquals": "x", "Next": "D", "Comment": "c", "Assign": {"v.$": "$.a"}},
                 {"And": [{"Variable": "$.n", "NumericGreaterThan": 1.5},
                          {"Not": {"Variable": "$$.Execution.Id", "IsPresent": false, "Comment": "nested"}}],
                  "Next": "D"},
                 {"Or": [{"Variable": "$v", "BooleanEqualsPath": "$.b"},
                         {"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z"}], "Next": "D"}]""")));
        assertValid(standard("""
                {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D",
                  "Choices": [{"Condition": "{% $states.input.a > 1 %}", "Next": "D", "Output": {"a": 1}},
                              {"Condition": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}"""));
    }

    @Test
    void choicesAreRequiredAndNotEmpty() {
        String noChoices = "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Default\": \"D\"},"
                + " \"D\": {\"Type\": \"Succeed\"}}}";
        assertDiagnostics(standard(noChoices), schema("These fields are required: [Choices]", "/States/C"));
        assertDiagnostics(standard(choice("[]")), schema("Value cannot be empty", "/States/C/Choices"));
    }

    @Test
    void transitionsOfRulesAndDefault() {
        assertDiagnostics(standard("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "Ghost",
                  "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "Nowhere"}, {"Variable": "$.a", "IsNull": false}]}}}"""),
                error("MISSING_TRANSITION_TARGET", "Missing 'Next' target: Ghost", "/States/C/Default"),
                error("MISSING_TRANSITION_TARGET", "Missing 'Next' target: Nowhere", "/States/C/Choices[0]/Next"),
                schema("These fields are required: [Next]", "/States/C/Choices[1]"),
                error("MISSING_END_STATE", "Workflow has no terminal state", null));
    }

    @Test
    void onlyTopLevelRulesHaveNext() {
        assertDiagnostics(standard(choice("""
                [{"Not": {"Variable": "$.a", "IsNull": true, "Next": "D", "Assign": {}}, "Next": "D"}]""")),
                schema("Field 'Next' is not supported", "/States/C/Choices[0]/Not"),
                schema("Field 'Assign' is not supported", "/States/C/Choices[0]/Not"));
    }

    @Test
    void aRuleTestsOneThing() {
        assertDiagnostics(standard(choice("""
                [{"StringEquals": "x", "Next": "D"},
                 {"Variable": "$.a", "And": [{"Variable": "$.b", "IsNull": true}], "Next": "D"}]""")),
                schema(SELECTOR, "/States/C/Choices[0]"),
                schema(SELECTOR, "/States/C/Choices[1]"));
    }

    @Test
    void aVariableTakesExactlyOneComparison() {
        assertDiagnostics(standard(choice("""
                [{"Variable": "$.a", "Next": "D"},
                 {"Variable": "$.a", "StringEquals": "x", "IsNull": true, "Next": "D"}]""")),
                schema("This object should have only one of the following fields: " + Comparisons.NAMES,
                        "/States/C/Choices[0]"),
                schema("There should only be one of the following fields: " + Comparisons.NAMES,
                        "/States/C/Choices[1]"));
    }

    @Test
    void compoundRulesTakeNoComparison() {
        assertDiagnostics(standard(choice("""
                [{"And": [{"Variable": "$.b", "IsNull": true}], "StringEquals": "x", "Next": "D"}]""")),
                schema("Field 'StringEquals' is not supported", "/States/C/Choices[0]"));
    }

    @Test
    void operandsHaveTheirComparisonsType() {
        assertDiagnostics(standard(choice("""
                [{"Variable": "$.a", "NumericEquals": "1", "Next": "D"},
                 {"Variable": "$.a", "StringEquals": 1, "Next": "D"},
                 {"Variable": "$.a", "IsPresent": "yes", "Next": "D"},
                 {"Variable": "$.a", "BooleanEquals": 0, "Next": "D"},
                 {"Variable": "$.a", "NumericEqualsPath": "$.b[*]", "Next": "D"}]""")),
                schema("Expected value of type [NUMBER]", "/States/C/Choices[0]/NumericEquals"),
                schema("Expected value of type [STRING]", "/States/C/Choices[1]/StringEquals"),
                schema("Expected value of type [BOOLEAN]", "/States/C/Choices[2]/IsPresent"),
                schema("Expected value of type [BOOLEAN]", "/States/C/Choices[3]/BooleanEquals"),
                schema("Value is not a Reference Path: Reference path contains wildcards, filters, slices or unions",
                        "/States/C/Choices[4]/NumericEqualsPath"));
    }

    @Test
    void theVariableIsAReferencePath() {
        assertDiagnostics(standard(choice("[{\"Variable\": \"a\", \"IsNull\": true, \"Next\": \"D\"}]")),
                schema("Value is not a Reference Path: Reference path didn't start with '$'",
                        "/States/C/Choices[0]/Variable"));
    }

    @Test
    void compoundRulesNestRules() {
        assertDiagnostics(standard(choice("""
                [{"And": [], "Next": "D"}, {"Or": {}, "Next": "D"}, {"Not": [], "Next": "D"},
                 {"And": [1, {"Variable": "$.a"}], "Next": "D"}]""")),
                schema("Value cannot be empty", "/States/C/Choices[0]/And"),
                schema("Expected value of type [ARRAY]", "/States/C/Choices[1]/Or"),
                schema("Expected value of type [OBJECT]", "/States/C/Choices[2]/Not"),
                schema("Expected value of type [OBJECT]", "/States/C/Choices[3]/And[0]"),
                schema("This object should have only one of the following fields: " + Comparisons.NAMES,
                        "/States/C/Choices[3]/And[1]"));
    }

    @Test
    void jsonataRulesAreConditions() {
        assertDiagnostics(standard("""
                {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D",
                  "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "D"}, {"Condition": 1, "Next": "D"}]},
                  "D": {"Type": "Succeed"}}}"""),
                schema(jsonPathOnly("Variable"), "/States/C/Choices[0]"),
                schema(jsonPathOnly("IsNull"), "/States/C/Choices[0]"),
                schema("Expected value of type [STRING]", "/States/C/Choices[1]/Condition"));
    }

    @Test
    void theComparisonsAreAllNamed() {
        assertDiagnostics(standard(choice("[{\"Variable\": \"$.a\", \"StringMatch\": \"x*\", \"Next\": \"D\"}]")),
                schema("Field 'StringMatch' is not supported", "/States/C/Choices[0]"),
                schema("This object should have only one of the following fields: " + Comparisons.NAMES,
                        "/States/C/Choices[0]"));
        for (String operator : List.of("StringMatches", "IsTimestamp", "TimestampGreaterThanEqualsPath")) {
            String operand = operator.startsWith("Is") ? "true" : operator.endsWith("Path") ? "\"$.b\"" : "\"x\"";
            assertValid(standard(choice("[{\"Variable\": \"$.a\", \"" + operator + "\": " + operand
                    + ", \"Next\": \"D\"}]")));
        }
    }

    private static String jsonPathOnly(String field) {
        return "The QueryLanguage is set to 'JSONata', but field '" + field
                + "' is only supported for the 'JSONPath' QueryLanguage";
    }
}
