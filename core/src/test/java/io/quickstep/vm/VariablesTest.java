package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariablesTest {

    private static ExecutionResult run(String definition, String input) throws Exception {
        return StateMachine.create("vars", definition.replace('\'', '"'))
                .execute(Json.parse(input.replace('\'', '"')), ExecutionOptions.defaults().clock(Clock.virtual()));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text.replace('\'', '"'));
    }

    @Test
    void shouldEvaluateAllAssignmentsAgainstTheValuesAtStateEntry() throws Exception {
        ExecutionResult result = run("{'QueryLanguage':'JSONata','StartAt':'Init','States':{"
                + "'Init':{'Type':'Pass','Assign':{'a':1,'b':2},'Next':'Swap'},"
                + "'Swap':{'Type':'Pass','Assign':{'a':'{% $b %}','b':'{% $a %}'},'Next':'Show'},"
                + "'Show':{'Type':'Pass','Output':{'a':'{% $a %}','b':'{% $b %}'},'End':true}}}", "{}");
        assertEquals(json("{'a':2,'b':1}"), result.output(), String.valueOf(result.cause()));
    }

    @Test
    void shouldLetBranchesReadOuterVariablesButNotWriteThemBack() throws Exception {
        ExecutionResult result = run("{'StartAt':'Init','States':{"
                + "'Init':{'Type':'Pass','Assign':{'x':'outer'},'Next':'Fork'},"
                + "'Fork':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{'B':{'Type':'Pass',"
                + "'Assign':{'x':'inner'},'Next':'Read'},'Read':{'Type':'Pass','Parameters':{'seen.$':'$x'},"
                + "'End':true}}}],'ResultPath':'$.branch','Next':'After'},"
                + "'After':{'Type':'Pass','Parameters':{'branch.$':'$.branch','x.$':'$x'},'End':true}}}", "{}");
        assertEquals(json("{'branch':[{'seen':'inner'}],'x':'outer'}"), result.output(), String.valueOf(result.cause()));
    }

    @Test
    void shouldAssignFromTheResultInJsonPathStates() throws Exception {
        ExecutionResult result = run("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'v':7},"
                + "'Assign':{'fromResult.$':'$.v'},'ResultPath':null,'Next':'Q'},"
                + "'Q':{'Type':'Pass','Parameters':{'got.$':'$fromResult'},'End':true}}}", "{'in':1}");
        assertEquals(json("{'got':7}"), result.output());
    }

    @Test
    void shouldFailAVariableOverTheSizeLimit() throws Exception {
        ExecutionResult result = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Assign':{'big':'{% $join($map([1..70000], function($i){\\'abcd\\'})) %}'},'End':true}}}", "{}");
        assertEquals("States.DataLimitExceeded", result.error(), String.valueOf(result.cause()));
        assertTrue(result.cause().contains("'big'"), result.cause());
    }

    @Test
    void shouldRefuseAnInvalidVariableNameAtItsPointer() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> StateMachine.create("bad",
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Assign\":{\"states\":1},\"End\":true}}}"));
        assertEquals("/States/P/Assign/states", e.diagnostics().get(0).location());
    }
}
