package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.json.Json;
import io.quickstep.json.BadJsonTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the definition: text that is not a JSON object, too large or too deep. */
class DefinitionValidatorTest {
    private static final Diagnostic NOT_AN_OBJECT = schema("Definition must be a valid JSON object", null);

    @Test
    void acceptsAMinimalMachine() {
        assertValid(standard("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "[]", "1", "\"text\"", "true"})
    void refusesJsonThatIsNotAnObject(String text) {
        assertDiagnostics(standard(text), NOT_AN_OBJECT);
    }

    @Test
    void refusesNullTextAndNullTree() {
        assertDiagnostics(standard(null), NOT_AN_OBJECT);
        assertDiagnostics(DefinitionValidator.validate((JsonNode) null, "STANDARD"), NOT_AN_OBJECT);
    }

    @Test
    void textThatIsNotJsonIsLocatedAsAwsLocatesIt() {
        Diagnostic d = only(standard("not a definition"));
        assertEquals("INVALID_JSON_DESCRIPTION", d.code());
        assertEquals("[Source: (String)\"not a definition\"; line: 1, column: 4]", d.location());
        assertEquals("malformed JSON at line 1, column 1: 'not' is not a JSON value (strings are written in double quotes)",
                d.message());
    }

    @Test
    void textThatIsNotJsonIsDescribedInTheTextsTermsWithLineAndColumn() {
        Diagnostic truncated = only(standard("{\n  \"StartAt\": \"A\",\n  \"States\": {"));
        assertEquals("INVALID_JSON_DESCRIPTION", truncated.code());
        assertEquals("malformed JSON at line 3, column 14: unexpected end of input (the object opened at line 3, "
                + "column 13 is not closed)", truncated.message());
        BadJsonTexts.assertNoInternals(truncated.message());
        Diagnostic nan = only(standard("{\"StartAt\": NaN}"));
        assertEquals("malformed JSON at line 1, column 13: 'NaN' is not a JSON number", nan.message());
        BadJsonTexts.assertNoInternals(nan.message());
    }

    @Test
    void aBadCharacterIsLocatedJustAfterIt() {
        assertEquals("[Source: (String)\"{\"a\":}\"; line: 1, column: 7]", only(standard("{\"a\":}")).location());
        assertEquals("[Source: (String)\"{}\n}\"; line: 2, column: 2]", only(standard("{}\n}")).location());
    }

    @Test
    void longTextIsCutInTheLocation() {
        String text = "{\"Comment\": \"" + "x".repeat(600) + "\",";
        Diagnostic d = only(standard(text));
        assertEquals("INVALID_JSON_DESCRIPTION", d.code());
        assertTrue(d.location().startsWith("[Source: (String)\"" + text.substring(0, 500) + "\"[truncated "
                + (text.length() - 500) + " chars]; line: 1, column: "), d.location());
    }

    @Test
    void deeplyNestedTextIsADiagnostic() {
        String text = "{\"StartAt\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Diagnostic d = only(standard(text));
        assertEquals("INVALID_JSON_DESCRIPTION", d.code());
        assertEquals("JSON nested deeper than 512 levels at line 1, column 524", d.message());
        assertTrue(d.location().endsWith("; line: 1, column: 524]"), d.location());
    }

    @Test
    void deeplyNestedTreeIsADiagnostic() {
        ObjectNode root = Json.NODES.objectNode();
        ArrayNode level = root.putArray("Result");
        for (int i = 0; i < 100_000; i++) {
            level = level.addArray();
        }
        Diagnostic d = only(DefinitionValidator.validate(root, "STANDARD"));
        assertEquals("INVALID_JSON_DESCRIPTION", d.code());
        assertEquals("Document nesting depth exceeds the maximum allowed (512)", d.message());
    }

    @Test
    void aTreeJustWithinTheNestingLimitIsValidated() {
        ObjectNode root = (ObjectNode) parse("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\","
                + " \"End\": true, \"Result\": []}}}");
        ArrayNode level = (ArrayNode) root.get("States").get("A").get("Result");
        for (int depth = 4; depth < Json.MAX_NESTING_DEPTH; depth++) {
            level = level.addArray();
        }
        assertValid(DefinitionValidator.validate(root, "STANDARD"));
    }

    @Test
    void textLongerThanAwsAcceptsIsADiagnostic() {
        String text = "{\"Comment\": \"" + "x".repeat(DefinitionValidator.MAX_LENGTH) + "\"}";
        assertDiagnostics(standard(text), schema("Definition must have length less than or equal to 1048576", null));
    }

    @Test
    void anyTypeOtherThanExpressValidatesAsStandard() {
        String sync = Validation.oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::states:startExecution.sync\","
                + " \"Parameters\": {\"StateMachineArn\": \"x\"}, \"End\": true}");
        assertValid(DefinitionValidator.validate(sync, null));
        assertValid(DefinitionValidator.validate(sync, "bogus"));
    }

    @Test
    void treeAndTextAreValidatedAlike() {
        String text = Validation.oneState("{\"Type\": \"Pass\", \"Next\": \"Nowhere\"}");
        assertEquals(standard(text), DefinitionValidator.validate(parse(text), "STANDARD"));
    }

    private static Diagnostic only(List<Diagnostic> diagnostics) {
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        return diagnostics.get(0);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
