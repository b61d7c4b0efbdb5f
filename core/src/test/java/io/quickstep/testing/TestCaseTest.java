package io.quickstep.testing;

import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCaseTest {

    private static TestCase parse(String json) throws Exception {
        return TestCase.parse(Json.parse(json), "fallback");
    }

    @Test
    void shouldReadAnExecutionCase() throws Exception {
        TestCase c = parse("{\"id\":\"base/test_pass#0\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
                + "\"input\":{\"a\":1},\"expected\":{\"status\":\"SUCCEEDED\",\"output\":{\"a\":1}},"
                + "\"ignore\":[\"$.cause\"],\"tags\":[\"parallel\"],\"mocks\":{\"T\":[{\"return\":2}]}}");
        assertEquals("base/test_pass#0", c.id());
        assertEquals("base", c.area());
        assertEquals(TestCase.Kind.EXECUTION, c.kind());
        assertEquals("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", c.definitionText());
        assertEquals(Json.parse("{\"a\":1}"), c.input());
        assertEquals(Set.of("$.cause"), c.ignore());
        assertEquals(List.of("parallel"), c.tags());
        assertEquals(List.of(new MockAnswer.Return(Json.parse("2"))), c.mocks().get("T"));
        assertFalse(c.usesJsonataOrVariables());
    }

    @Test
    void shouldDefaultTheIdAndAnAbsentInputAsAwsDoes() throws Exception {
        TestCase c = parse("{\"definition\":{\"StartAt\":\"P\",\"States\":{}},\"expected\":{\"status\":\"SUCCEEDED\"}}");
        assertEquals("fallback", c.id());
        assertEquals(Json.parse("{}"), c.input());
        assertEquals("EXPRESS", c.type());
    }

    @Test
    void shouldReadAValidationCaseWithDefinitionText() throws Exception {
        TestCase c = parse("{\"id\":\"validation/x#0\",\"kind\":\"validation\",\"type\":\"STANDARD\",\"definition_text\":\"not a definition\","
                + "\"expected\":{\"validate\":{\"result\":\"FAIL\",\"diagnostics\":[]}}}");
        assertEquals(TestCase.Kind.VALIDATION, c.kind());
        assertEquals("not a definition", c.definitionText());
        assertNull(c.definition());
        assertNull(c.input());
        assertEquals("STANDARD", c.type());
    }

    @Test
    void shouldRefuseFilesOutsideTheFormat() {
        for (String bad : new String[] {"[]", "{\"expected\":{\"status\":\"SUCCEEDED\"}}",
                "{\"definition\":{},\"definition_text\":\"x\",\"expected\":{\"status\":\"SUCCEEDED\"}}",
                "{\"definition\":{}}", "{\"definition\":{},\"expected\":{}}",
                "{\"definition\":{},\"expected\":{\"status\":\"SUCCEEDED\"},\"ignore\":\"$.cause\"}",
                "{\"kind\":\"validation\",\"definition\":{},\"expected\":{\"status\":\"SUCCEEDED\"}}",
                "{\"kind\":\"other\",\"definition\":{},\"expected\":{\"status\":\"SUCCEEDED\"}}"}) {
            assertThrows(CaseFormatException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void shouldTellCasesThatNeedJsonataOrVariables() throws Exception {
        String expected = ",\"expected\":{\"status\":\"SUCCEEDED\"}";
        assertTrue(parse("{\"tags\":[\"jsonata\"],\"definition\":{\"States\":{}}" + expected + "}").usesJsonataOrVariables());
        assertTrue(parse("{\"definition\":{\"QueryLanguage\":\"JSONata\",\"States\":{}}" + expected + "}").usesJsonataOrVariables());
        assertTrue(parse("{\"definition\":{\"States\":{\"P\":{\"Type\":\"Pass\",\"Assign\":{\"x\":1}}}}" + expected + "}")
                .usesJsonataOrVariables());
        assertTrue(parse("{\"definition\":{\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Next\":\"P\",\"Assign\":{}}]}}}"
                + expected + "}").usesJsonataOrVariables());
        assertTrue(parse("{\"definition\":{\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"States\":"
                + "{\"T\":{\"Type\":\"Task\",\"Arguments\":{}}}}}}}" + expected + "}").usesJsonataOrVariables());
        assertTrue(parse("{\"definition\":{\"States\":{\"Par\":{\"Type\":\"Parallel\",\"Branches\":[{\"States\":"
                + "{\"P\":{\"Type\":\"Pass\",\"Output\":1}}}]}}}" + expected + "}").usesJsonataOrVariables());
        assertFalse(parse("{\"definition\":{\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"Output\":1,\"Assign\":2}}}}"
                + expected + "}").usesJsonataOrVariables());
    }

    @Test
    void shouldNameMachinesAndExecutionsAsAwsAllows() throws Exception {
        TestCase c = parse("{\"id\":\"choice_operators/test[IS_NULL]#0\",\"definition\":{\"States\":{}},\"expected\":{\"status\":\"SUCCEEDED\"}}");
        assertTrue(c.machineName().matches("conf-choice_operators_test_IS_NULL_0-[0-9a-f]{10}"), c.machineName());
        assertTrue(c.executionName().matches("case-[0-9a-f]{24}"), c.executionName());
    }
}
