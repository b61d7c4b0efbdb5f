package io.quickstep.compiler;

import io.quickstep.api.ExecutionOptions;
import io.quickstep.asl.DefinitionParser;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program uses the context object exactly when one of its paths, intrinsic calls or JSONata
 * expressions reads it; what merely contains the text {@code $$} does not count.
 */
class ContextUseTest {

    private static boolean usesContext(String definition) throws Exception {
        return Compiler.compile(DefinitionParser.parse(Json.parse(definition))).usesContext();
    }

    private static void assertUsesContext(String... definitions) throws Exception {
        for (String definition : definitions) {
            assertTrue(usesContext(definition), definition);
        }
    }

    private static void assertNoContext(String... definitions) throws Exception {
        for (String definition : definitions) {
            assertFalse(usesContext(definition), definition);
        }
    }

    private static String pass(String fields) {
        return "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", " + fields + " \"End\": true}}}";
    }

    private static String jsonataPass(String output) {
        return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
                + "\"Output\": \"" + output + "\", \"End\": true}}}";
    }

    @Test
    void contextPathsAndIntrinsicArgumentsReadIt() throws Exception {
        assertUsesContext(pass("\"Parameters\": {\"id.$\": \"$$.Execution.Id\"},"),
                pass("\"Parameters\": {\"id.$\": \"States.Format('{}', $$.Execution.Name)\"},"),
                pass("\"InputPath\": \"$$.Execution.Input\","),
                """
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$$.State.Name",
                 "StringEquals": "C", "Next": "D"}]}, "D": {"Type": "Succeed"}}}""",
                """
                {"StartAt": "F", "States": {"F": {"Type": "Fail",
                 "CausePath": "States.Format('entered {}', $$.State.EnteredTime)"}}}""");
    }

    @Test
    void textThatOnlyContainsDollarsDoesNotReadIt() throws Exception {
        assertNoContext(pass("\"Parameters\": {\"price\": \"$$5\", \"id.$\": \"$.id\"},"),
                pass("\"Parameters\": {\"note.$\": \"States.Format('costs $$5 for {}', $.who)\"},"),
                pass("\"Result\": {\"path\": \"$$.Execution.Id\"},"),
                jsonataPass("{% $states.input.price & '$$' %}"));
    }

    @Test
    void jsonataReadsItThroughStatesUnlessOnlyInputResultOrErrorOutputIsRead() throws Exception {
        assertUsesContext(jsonataPass("{% $states.context.State.Name %}"),
                jsonataPass("{% $lookup($states, 'context').State.EnteredTime %}"), jsonataPass("{% $states %}"));
        assertNoContext(jsonataPass("{% $states.input.a + 1 %}"));
    }

    @Test
    void aBranchOrItemProcessorThatReadsItMakesTheMachineUseIt() throws Exception {
        assertUsesContext("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "P",
                 "States": {"P": {"Type": "Pass", "Parameters": {"n.$": "$$.State.Name"}, "End": true}}}}}}""");
        assertNoContext("""
                {"StartAt": "M", "States": {"M": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "P",
                 "States": {"P": {"Type": "Pass", "Parameters": {"n.$": "$.n"}, "End": true}}}]}}}""");
    }

    /** When the program is wrongly taken not to read the context, EnteredTime reads as 1970. */
    @Test
    void aStateEnteredTimeReadOnlyByAnIntrinsicCallIsTheTimeTheStateWasEntered() throws Exception {
        StateMachine machine = StateMachine.create("entered", """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E",
                 "CausePath": "States.Format('{}', $$.State.EnteredTime)"}}}""");
        ExecutionResult result = machine.execute(Json.parse("{}"), ExecutionOptions.defaults());
        assertEquals(ExecutionStatus.FAILED, result.status());
        long entered = Instant.parse(result.cause()).toEpochMilli();
        assertTrue(entered >= result.startMillis() && entered <= result.stopMillis(),
                result.cause() + " not within the execution, " + result.startMillis() + ".." + result.stopMillis());
    }

    @Test
    void aStateEnteredTimeReadThroughStatesIsTheTimeTheStateWasEntered() throws Exception {
        StateMachine machine = StateMachine.create("entered",
                jsonataPass("{% $lookup($states, 'context').State.EnteredTime %}"));
        ExecutionResult result = machine.execute(Json.parse("{}"), ExecutionOptions.defaults());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.toString());
        long entered = Instant.parse(result.output().textValue()).toEpochMilli();
        assertTrue(entered >= result.startMillis() && entered <= result.stopMillis(), result.output().toString());
    }
}
