package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.quickstep.jsonata.MapScope.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonataTemplateTest {
    private static final MapScope SCOPE = MapScope.input("{\"input_value\": \"stringliteral\", \"items\": [1, 2]}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{% $x %}     | true",
            "{%$x%}       | true",
            "{%%}         | true",
            "'{% $x %} '  | false",
            "' {% $x %}'  | false",
            "{%}          | false",
            "{% $x        | false",
            "$x %}        | false",
            "$.path       | false",
            "''           | false"})
    void anExpressionIsAStringFromOpeningToClosingDelimiter(String text, boolean expression) {
        assertEquals(expression, JsonataTemplate.isExpression(text));
    }

    /** outputdecl/test_base_output_any_non_dict_LIST_RICH: strings that only look like paths stay literal. */
    @Test
    void literalsAndExpressionsMix() {
        JsonNode template = json("[null, 0, 0.1, true, \"string\", [], \"$nosuchvar\", \"$.no.such.path\","
                + " \"{% $states.input %}\", {\"key\": \"{% true %}\"}]");
        assertEquals(json("[null, 0, 0.1, true, \"string\", [], \"$nosuchvar\", \"$.no.such.path\","
                        + " {\"input_value\": \"stringliteral\", \"items\": [1, 2]}, {\"key\": true}]"),
                JsonataTemplate.compile(template).evaluate(SCOPE, "Output"));
    }

    @Test
    void aTemplateWithoutExpressionsIsItsOwnValue() {
        JsonNode template = json("{\"a\": [1, {\"b\": \"{ % not one % }\"}]}");
        JsonataTemplate compiled = JsonataTemplate.compile(template);
        assertTrue(compiled.isConstant());
        assertSame(template, compiled.evaluate(SCOPE, "Arguments"));
        assertNull(compiled.expression());
    }

    @Test
    void literalPartsAreSharedNotCopied() {
        JsonNode template = json("{\"fixed\": {\"deep\": [1, 2]}, \"value\": \"{% $states.input.items %}\"}");
        JsonataTemplate compiled = JsonataTemplate.compile(template);
        JsonNode value = compiled.evaluate(SCOPE, "Arguments");
        assertFalse(compiled.isConstant());
        assertSame(template.get("fixed"), value.get("fixed"));
        assertSame(SCOPE.states().get("input").get("items"), value.get("value"));
    }

    @Test
    void aWholeFieldExpressionIsReachable() {
        JsonataTemplate items = JsonataTemplate.compile(json("\"{%   $states.input.items   %}\""));
        assertEquals("$states.input.items", items.expression().text());
        assertEquals(json("[1, 2]"), items.evaluate(SCOPE, "Items"));
    }

    /** The cause names where in the field the expression stands: members by name, items by index. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"{% $missing %}\"                      | Arguments",
            "{\"v\": \"{% $missing %}\"}             | Arguments/v",
            "[1, \"{% $missing %}\"]                 | Arguments[1]",
            "{\"a\": [{\"b\": \"{% $missing %}\"}]}  | Arguments/a[0]/b",
            "{\"0\": \"{% $missing %}\"}             | Arguments/0"})
    void nothingFailsNamingThePlaceInTheField(String template, String field) {
        ExecutionFailure failure = assertThrows(ExecutionFailure.class,
                () -> JsonataTemplate.compile(json(template)).evaluate(SCOPE, "Arguments"));
        assertEquals("The JSONata expression '$missing' specified for the field '" + field
                + "' returned nothing (undefined).", failure.causeText());
    }

    @Test
    void failuresInsideAFieldNameThePlaceToo() {
        assertEquals("The JSONata expression 'function($x) {$x}' specified for the field 'Output/f' returned an "
                + "unsupported result type.", failure("{\"f\": \"{% function($x) {$x} %}\"}"));
        assertEquals("The JSONata expression '$eval(\"1\")' specified for the field 'Output[0]' threw an error "
                + "during evaluation. T1006: Attempted to invoke a non-function", failure("[\"{% $eval(\\\"1\\\") %}\"]"));
    }

    @Test
    void aSyntaxErrorSaysWhereInTheTemplate() {
        JsonataSyntaxException error = assertThrows(JsonataSyntaxException.class,
                () -> JsonataTemplate.compile(json("{\"a\": [{\"x/y\": \"{% 1 + %}\"}]}")));
        assertEquals("/a/0/x~1y", error.pointer());
        assertEquals("1 +", error.expression());
        assertEquals("Invalid JSONata expression '1 +': S0207: Unexpected end of expression (at character 4) at /a/0/x~1y",
                error.getMessage());
    }

    @Test
    void anEmptyExpressionIsASyntaxError() {
        assertEquals("S0207", assertThrows(JsonataSyntaxException.class,
                () -> JsonataTemplate.compile(json("\"{%  %}\""))).code());
    }

    /** scenarios/test_escape_sequence_parsing_ESCAPE_SEQUENCES_JSONATA_COMPARISON_*: JSON escapes are gone before JSONata reads. */
    @Test
    void escapedQuotesReachJsonataAsQuotes() {
        assertEquals(json("true"), JsonataTemplate.compile(json("\"{% $var = '\\\"' %}\""))
                .evaluate(SCOPE.with("var", "\"\\\"\""), "Output"));
    }

    @Test
    void everyEvaluationBuildsAFreshValue() {
        JsonataTemplate template = JsonataTemplate.compile(json("{\"n\": \"{% $n %}\"}"));
        JsonNode first = template.evaluate(SCOPE.with("n", "1"), "Output");
        assertEquals(json("{\"n\": 2}"), template.evaluate(SCOPE.with("n", "2"), "Output"));
        assertEquals(json("{\"n\": 1}"), first);
        assertEquals("{\"n\":1}", Json.write(first));
    }

    private static String failure(String template) {
        return assertThrows(ExecutionFailure.class,
                () -> JsonataTemplate.compile(json(template)).evaluate(SCOPE, "Output")).causeText();
    }
}
