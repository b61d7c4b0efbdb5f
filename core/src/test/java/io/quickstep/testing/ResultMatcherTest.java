package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultMatcherTest {

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    private static String diff(String expected, String actual, String... ignore) throws Exception {
        return ResultMatcher.diff(json(expected), json(actual), Set.of(ignore));
    }

    @Test
    void shouldMatchEqualValuesWhateverTheKeyOrder() throws Exception {
        assertNull(diff("{\"a\":1,\"b\":[true,null,\"x\"]}", "{\"b\":[true,null,\"x\"],\"a\":1}"));
    }

    @Test
    void shouldCompareNumbersByValue() throws Exception {
        assertNull(diff("1", "1.0"));
        assertNull(diff("{\"n\":2.50}", "{\"n\":2.5}"));
        assertNull(diff("100", "1E2"));
        assertEquals("$.n: expected 1, got 1.5", diff("{\"n\":1}", "{\"n\":1.5}"));
    }

    @Test
    void shouldNeverTakeBooleansForNumbers() throws Exception {
        assertEquals("$: expected 1, got true", diff("1", "true"));
        assertEquals("$[0]: expected false, got 0", diff("[false]", "[0]"));
    }

    @Test
    void shouldKeepArraysInOrder() throws Exception {
        assertEquals("$[0]: expected 1, got 2", diff("[1,2]", "[2,1]"));
        assertEquals("$: expected 2 items, got 3", diff("[1,2]", "[1,2,3]"));
    }

    @Test
    void shouldNameMissingAndUnexpectedKeys() throws Exception {
        assertEquals("$.out: keys missing [b] / unexpected [c]", diff("{\"out\":{\"a\":1,\"b\":2}}", "{\"out\":{\"a\":1,\"c\":2}}"));
    }

    @Test
    void shouldMatchAnyValueWithAWholeStringPlaceholder() throws Exception {
        assertNull(diff("{\"Start\":\"<date>\"}", "{\"Start\":1700000000000}"));
        assertNull(diff("\"<RandomNumberGenerated>\"", "{\"n\":42}"));
        assertNull(diff("[\"<uuid:1>\"]", "[null]"));
    }

    @Test
    void shouldStillRequireKeysWhoseValueIsAPlaceholder() throws Exception {
        assertEquals("$: keys missing [Start] / unexpected []", diff("{\"Start\":\"<date>\"}", "{}"));
    }

    @Test
    void shouldMatchAnyRunOfCharactersWithAPlaceholderInsideAString() throws Exception {
        String arn = "\"arn:<partition>:states:<region>:<account>:stateMachine:<ArnPart_0idx>\"";
        assertNull(diff(arn, "\"arn:aws:states:us-east-1:123456789012:stateMachine:my-machine\""));
        assertNull(diff("\"id-<uuid:1>-end\"", "\"id--end\""));
        assertEquals("$: expected \"id-<uuid:1>-end\", got \"id-42\"", diff("\"id-<uuid:1>-end\"", "\"id-42\""));
    }

    @Test
    void shouldTakeAngleBracketsNotStartingWithALetterLiterally() throws Exception {
        assertFalse(ResultMatcher.isPlaceholder("<1>"));
        assertFalse(ResultMatcher.textMatches("a <1> b", "a x b"));
        assertTrue(ResultMatcher.textMatches("a <1> b", "a <1> b"));
        assertTrue(ResultMatcher.textMatches("regex chars .* <x> (", "regex chars .* anything ("));
    }

    @Test
    void shouldShowStringsAroundTheirFirstDifference() throws Exception {
        String expected = "\"" + "a".repeat(40) + "X" + "b".repeat(60) + "\"";
        String actual = "\"" + "a".repeat(40) + "Y" + "b".repeat(60) + "\"";
        assertEquals("$: expected \"..." + "a".repeat(25) + "X" + "b".repeat(44) + "...\", got \"..."
                + "a".repeat(25) + "Y" + "b".repeat(44) + "...\"", diff(expected, actual));
    }

    @Test
    void shouldNotCompareAtOrBelowIgnoredPaths() throws Exception {
        assertNull(diff("{\"cause\":\"x\",\"error\":\"E\"}", "{\"cause\":\"y\",\"error\":\"E\"}", "$.cause"));
        assertNull(diff("{\"output\":{\"Meta\":{\"a\":1}}}", "{\"output\":{\"Meta\":{\"a\":2,\"b\":3}}}", "$.output.Meta"));
        assertNull(diff("{\"output\":{\"Meta\":1,\"v\":1}}", "{\"output\":{\"v\":1}}", "$.output.Meta"));
        assertNull(diff("{\"output\":{\"v\":1}}", "{\"output\":{\"v\":1,\"Meta\":1}}", "$.output.Meta"));
        assertEquals("$.output.v: expected 1, got 2", diff("{\"output\":{\"v\":1}}", "{\"output\":{\"v\":2}}", "$.output.Meta"));
    }

    @Test
    void shouldTreatAMissingActualValueAsNull() throws Exception {
        assertNull(ResultMatcher.diff(json("null"), null, Set.of()));
        assertEquals("$: expected \"x\", got null", ResultMatcher.diff(json("\"x\""), null, Set.of()));
    }
}
