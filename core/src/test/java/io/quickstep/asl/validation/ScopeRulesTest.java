package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.error;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

/** The machine's own fields, and the transitions within each block of states. */
class ScopeRulesTest {
    private static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";

    @Test
    void topLevelFieldsAreChecked() {
        assertDiagnostics(standard("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}, "Comments": "x",
                 "Version": "2.0", "TimeoutSeconds": -1, "Comment": 1}"""),
                schema("Field 'Comments' is not supported", "/"),
                schema("Value should be one of the following: [1.0]", "/Version"),
                schema("Minimum value is 0", "/TimeoutSeconds"),
                schema("Expected value of type [STRING]", "/Comment"));
    }

    @Test
    void acceptsTheOptionalTopLevelFields() {
        assertValid(standard("""
                {"Comment": "c", "Version": "1.0", "TimeoutSeconds": 0, "QueryLanguage": "JSONPath",
                 "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"""));
    }

    @Test
    void statesMustBeAnObjectOfObjects() {
        assertDiagnostics(standard("{\"StartAt\": \"A\", \"States\": []}"),
                schema("Expected value of type [OBJECT]", "/States"));
        assertDiagnostics(standard("{\"StartAt\": \"A\", \"States\": {\"A\": \"Succeed\"}}"),
                schema("Expected value of type [OBJECT]", "/States/A"),
                error("MISSING_END_STATE", "Workflow has no terminal state", null));
    }

    @Test
    void aMissingTargetIsReportedWhereItIsNamed() {
        assertDiagnostics(standard("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "Ghost"},
                  "B": {"Type": "Succeed"}}}"""),
                error(MISSING_TARGET, "Missing 'Next' target: Ghost", "/States/A/Next"),
                error(MISSING_TARGET, "State \"B\" is not reachable.", "/States/B"));
    }

    @Test
    void aMissingStartAtTargetLeavesEveryStateUnreachable() {
        assertDiagnostics(standard("{\"StartAt\": \"Nope\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"),
                error(MISSING_TARGET, "Missing 'Next' target: Nope", "/StartAt"),
                error(MISSING_TARGET, "State \"A\" is not reachable.", "/States/A"));
    }

    @Test
    void statesReachedOnlyThroughCycles() {
        assertDiagnostics(standard("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "A"}],
                        "Default": "End"},
                  "End": {"Type": "Succeed"},
                  "C": {"Type": "Pass", "Next": "D"},
                  "D": {"Type": "Pass", "Next": "C"}}}"""),
                error(MISSING_TARGET, "State \"C\" is not reachable.", "/States/C"),
                error(MISSING_TARGET, "State \"D\" is not reachable.", "/States/D"));
    }

    @Test
    void aTopLevelWithoutTerminalStateIsReportedInsteadOfUnreachableStates() {
        assertDiagnostics(standard("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Pass", "Next": "A"},
                  "Unused": {"Type": "Pass", "Next": "A"}}}"""),
                error("MISSING_END_STATE", "Workflow has no terminal state", null));
    }

    @Test
    void nestedBlocksNeedNoTerminalState() {
        assertValid(standard("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {
                  "StartAt": "A", "States": {
                    "A": {"Type": "Pass", "Next": "B"},
                    "B": {"Type": "Pass", "Next": "A"}}}}}}"""));
    }

    @Test
    void transitionsStayInTheirBlock() {
        assertDiagnostics(standard("""
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "Next": "After", "Branches": [
                    {"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "After"}}}]},
                  "After": {"Type": "Succeed"}}}"""),
                error(MISSING_TARGET, "Missing 'Next' target: After", "/States/P/Branches[0]/States/B/Next"));
    }

    @Test
    void unreachableNestedStatesAreLocatedInTheirBlock() {
        assertDiagnostics(standard("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "W", "States": {"W": {"Type": "Succeed"}, "Ghost": {"Type": "Succeed"}}}]}}}"""),
                error(MISSING_TARGET, "State \"Ghost\" is not reachable.", "/States/P/Branches[0]/States/Ghost"));
    }

    @Test
    void stateNamesAreUniqueInTheWholeMachine() {
        assertDiagnostics(standard("""
                {"StartAt": "M", "States": {
                  "M": {"Type": "Map", "Next": "Done", "ItemProcessor": {
                    "StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}},
                  "Done": {"Type": "Succeed"}}}"""),
                error("DUPLICATE_STATE_NAME", "Duplicate State name: Done", "/States/Done"));
    }

    @Test
    void namesWithSlashOrTildeAreEscapedInLocations() {
        assertDiagnostics(standard("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "b/c~d": {"Type": "Succeed"}}}"""),
                error(MISSING_TARGET, "State \"b/c~d\" is not reachable.", "/States/b~1c~0d"));
    }

    @Test
    void aBranchNeedsStatesAndStartAt() {
        assertDiagnostics(standard("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
                  "Branches": [{"Comment": "empty", "QueryLanguage": "JSONata"}]}}}"""),
                schema("These fields are required: [States, StartAt]", "/States/P/Branches[0]"),
                schema("Field 'QueryLanguage' is not supported", "/States/P/Branches[0]"));
    }
}
