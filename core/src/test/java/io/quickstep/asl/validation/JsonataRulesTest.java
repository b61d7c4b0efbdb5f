package io.quickstep.asl.validation;

import io.quickstep.asl.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonataRulesTest {

    private static List<Diagnostic> validate(String definition) {
        return DefinitionValidator.validate(definition.replace('\'', '"'), "EXPRESS");
    }

    @Test
    void shouldReportAnExpressionThatDoesNotParseAtItsPointer() {
        List<Diagnostic> diagnostics = validate("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Pass',"
                + "'Output':{'items':['ok','{% $states.input.( %}']},'End':true}}}");
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        Diagnostic diagnostic = diagnostics.get(0);
        assertEquals("SCHEMA_VALIDATION_FAILED", diagnostic.code());
        assertEquals("/States/T/Output/items[1]", diagnostic.location());
        assertTrue(diagnostic.message().startsWith("Invalid JSONata expression '$states.input.('"), diagnostic.message());
    }

    @Test
    void shouldCheckStatesInsideBranchesWithTheLanguageTheyInherit() {
        List<Diagnostic> diagnostics = validate("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Parallel',"
                + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','Output':'{% 1 + %}','End':true}}}],"
                + "'End':true}}}");
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertEquals("/States/P/Branches[0]/States/A/Output", diagnostics.get(0).location());
    }

    @Test
    void shouldTakeBracesInAJsonPathStateAsPlainText() {
        assertEquals(List.of(), validate("{'StartAt':'T','States':{'T':{'Type':'Pass',"
                + "'Result':{'text':'{% not an expression ( %}'},'End':true}}}"));
    }
}
