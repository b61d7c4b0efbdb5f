package io.quickstep.json;

import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * JSON texts a user may get wrong, each with what a user must read about it: what is wrong and
 * where, never Jackson's internals. Every command and reader that takes JSON from users is tested on them.
 */
public final class BadJsonTexts {
    private BadJsonTexts() {
    }

    /** Words of Jackson's that must never reach a user. */
    private static final List<String> INTERNALS = List.of("Source:", "Feature", "StreamReadConstraints", "com.fasterxml", "`",
            "(code ", "CTRL-CHAR", "REDACTED", "JsonNode", "START_OBJECT");

    /** Asserts that a message about JSON says nothing of the parser's internals. */
    public static void assertNoInternals(String message) {
        for (String internal : INTERNALS) {
            assertFalse(message.contains(internal), () -> "'" + internal + "' in: " + message);
        }
    }

    /** (what, text, the message about it). */
    public static Stream<Arguments> badTexts() {
        return Stream.of(
                Arguments.of("truncated object", "{\"a\": [1, 2]", "malformed JSON at line 1, column 13: unexpected end "
                        + "of input (the object opened at line 1, column 1 is not closed)"),
                Arguments.of("truncated over lines", "{\n  \"a\": {\n    \"b\": 1", "malformed JSON at line 3, column 11: "
                        + "unexpected end of input (the object opened at line 2, column 8 is not closed)"),
                Arguments.of("truncated string", "{\"a\": \"xy", "malformed JSON at line 1, column 10: unexpected end of "
                        + "input (a string is not closed)"),
                Arguments.of("trailing garbage", "{} x", "malformed JSON at line 1, column 4: 'x' is not a JSON value "
                        + "(strings are written in double quotes)"),
                Arguments.of("a second value", "{\"a\": 1} {}", "malformed JSON at line 1, column 10: more text after "
                        + "the JSON value (a JSON text is one value)"),
                Arguments.of("NaN", "{\"a\": NaN}", "malformed JSON at line 1, column 7: 'NaN' is not a JSON number"),
                Arguments.of("-Infinity", "[-Infinity]", "malformed JSON at line 1, column 2: '-Infinity' is not a JSON number"),
                Arguments.of("single quotes", "{'a': 1}", "malformed JSON at line 1, column 2: single quotes are not JSON: "
                        + "write strings and member names in double quotes"),
                Arguments.of("control character in a string", "{\"a\": \"x\ny\"}", "malformed JSON at line 1, column 9: "
                        + "control character U+000A in a string: write it escaped, as \\n"),
                Arguments.of("too deep", "[".repeat(513) + "]".repeat(513),
                        "JSON nested deeper than 512 levels at line 1, column 513"),
                Arguments.of("too deep within an object", "{\"a\":\n" + "[".repeat(512) + "]".repeat(512) + "}",
                        "JSON nested deeper than 512 levels at line 2, column 512"),
                Arguments.of("empty", "", "malformed JSON at line 1, column 1: no JSON value, the text is empty"),
                Arguments.of("white space", " \n  ", "malformed JSON at line 2, column 3: no JSON value, the text is only white space"),
                Arguments.of("trailing comma in an object", "{\"a\": 1,}", "malformed JSON at line 1, column 9: a trailing "
                        + "comma before '}'"),
                Arguments.of("trailing comma in an array", "[1, 2,]", "malformed JSON at line 1, column 7: a trailing comma "
                        + "before ']'"),
                Arguments.of("no value after a colon", "{\"a\": ]", "malformed JSON at line 1, column 7: expected a value, found ']'"),
                Arguments.of("missing comma", "[1 2]", "malformed JSON at line 1, column 4: expected ',' or ']' after an array "
                        + "element, found '2'"),
                Arguments.of("missing colon", "{\"a\" 1}", "malformed JSON at line 1, column 6: expected ':' after a member "
                        + "name, found '1'"),
                Arguments.of("wrong closing bracket", "{\"a\": 1]", "malformed JSON at line 1, column 8: ']' does not close "
                        + "the object opened at line 1, column 1 (expected '}')"),
                Arguments.of("leading plus", "+1", "malformed JSON at line 1, column 2: malformed number: a number cannot start with '+'"),
                Arguments.of("leading zero", "01", "malformed JSON at line 1, column 2: malformed number: leading zeroes are not allowed"),
                Arguments.of("bad escape", "\"\\q\"", "malformed JSON at line 1, column 3: '\\q' is not a JSON escape"),
                Arguments.of("comment", "// note\n{}", "malformed JSON at line 1, column 1: comments are not JSON"),
                Arguments.of("control character between values", "[1,\u0001 2]", "malformed JSON at line 1, column 5: "
                        + "control character U+0001 between values, where only spaces, tabs and line breaks may be"));
    }
}
