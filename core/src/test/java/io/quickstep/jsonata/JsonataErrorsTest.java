package io.quickstep.jsonata;

import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.quickstep.jsonata.MapScope.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cause texts. The recorded ones are checked against the corpus in {@link RecordedCausesTest}. */
class JsonataErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null          | null    | null",
            "1             | number  | 1",
            "1.5           | number  | 1.5",
            "\"string\"    | string  | \"string\"",
            "true          | boolean | true",
            "{\"foo\": \"bar\"} | object | {\"foo\":\"bar\"}",
            "[1, 2]        | array   | [1,2]"})
    void unexpectedTypeNamesTheTypeAndShowsTheValue(String value, String type, String shown) {
        ExecutionFailure failure = JsonataErrors.unexpectedType("$v", "Seconds", "number", json(value));
        assertEquals(StatesErrors.QUERY_EVALUATION_ERROR, failure.error());
        assertEquals("The JSONata expression '$v' specified for the field 'Seconds' returned an unexpected result type. "
                + "Expected 'number', but was '" + type + "' for value: " + shown, failure.causeText());
        assertEquals(type, JsonataErrors.typeName(json(value)));
    }

    @Test
    void theOtherCausesOfTheCorpus() {
        assertEquals("The JSONata expression '$x' specified for the field 'Output' returned nothing (undefined).",
                JsonataErrors.undefinedResult("$x", "Output").causeText());
        assertEquals("The JSONata expression '$x' specified for the field 'Items' returned an unsupported result type.",
                JsonataErrors.unsupportedResult("$x", "Items").causeText());
        assertEquals("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                + "2016-12-05T21:29:29", JsonataErrors.invalidTimestamp("2016-12-05T21:29:29").causeText());
        assertEquals("Map state input must be an array but was: \"string\"",
                JsonataErrors.mapInputNotArray(json("\"string\"")).causeText());
    }

    /** JSONata's messages, worded as the JavaScript JSONata words them (the Java port says "Object" for "function"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 + 'a'                     | T2002: The right side of the \"+\" operator must evaluate to a number",
            "$uppercase(1)               | T0410: Argument 1 of function \"uppercase\" does not match function signature",
            "$error('stop here')         | D3137: stop here",
            "$assert(1 = 2, 'not equal') | D3141: not equal",
            "$reduce([1], function($a) {$a}) | D3050: The second argument of reduce function must be a function with at least two arguments",
            "$single([1, 2])             | D3138: The $single() function expected exactly 1 matching result.  Instead it matched more.",
            "{'a': 1, 'a': 2}            | D1009: Multiple key definitions evaluate to same key: \"a\""})
    void jsonataErrorsGiveCodeAndMessage(String text, String message) {
        ExecutionFailure failure = assertThrows(ExecutionFailure.class, () -> MapScope.empty().eval(text));
        assertEquals("The JSONata expression '" + text + "' specified for the field 'Output' threw an error during "
                + "evaluation. " + message, failure.causeText());
    }

    @Test
    void valuesInMessagesKeepTheirOwnText() {
        ExecutionFailure failure = assertThrows(ExecutionFailure.class,
                () -> MapScope.empty().eval("$error('a $1 \\\\ Object \"q\"')"));
        assertEquals("The JSONata expression '$error('a $1 \\\\ Object \"q\"')' specified for the field 'Output' threw an "
                + "error during evaluation. D3137: a $1 \\ Object \"q\"", failure.causeText());
    }
}
