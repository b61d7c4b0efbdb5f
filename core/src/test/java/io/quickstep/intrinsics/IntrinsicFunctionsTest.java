package io.quickstep.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.PathScope;
import io.quickstep.path.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntrinsicFunctionsTest {

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode eval(String call, String input) {
        return Intrinsics.compile(call).evaluate(TestScope.of(json(input)));
    }

    /** The result as compact JSON text. */
    private static String result(String call, String input) {
        return Json.write(eval(call, input));
    }

    private static ExecutionFailure failure(String call, String input) {
        return assertThrows(ExecutionFailure.class, () -> eval(call, input));
    }

    private static void assertFails(String call, String input, String detail) {
        ExecutionFailure failure = failure(call, input);
        assertEquals(StatesErrors.RUNTIME, failure.error());
        assertEquals("The function '" + call + "' had the following error: " + detail, failure.causeText());
    }

    private static void assertInvalid(String call, String input) {
        String function = call.substring(0, call.indexOf('('));
        assertFails(call, input, "Invalid arguments in " + function);
    }

    // ---- States.Format

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "States.Format('Hello {}', $.s)                  | {\"s\": \"Ada\"}                     | Hello Ada",
        "States.Format('{} {} {} {} {}', $.s, $.i, $.d, $.b, $.n) | {\"s\":\"x\",\"i\":2,\"d\":1.5,\"b\":true,\"n\":null} | x 2 1.5 true null",
        "States.Format('{};{}', $.d, $.e)                | {\"d\": 100.0, \"e\": 0.00001}        | 100.0;0.00001",
        "States.Format('plain')                          | {}                                    | plain",
        "States.Format('  {}  ', 'x')                    | {}                                    | `  x  `",
        "States.Format('\\{\\} {} \\'q\\' \\\\', 'v')    | {}                                    | {} v 'q' \\",
        "States.Format($.t, $.v)                         | {\"t\": \"It's {}!\", \"v\": \"x\"}   | It's x!",
        "States.Format('{}', States.Format('<{}>', 1))   | {}                                    | <1>",
        "States.Format('{}', $.s)                        | {\"s\": \"{\\\"Arg1\\\": 1}\"}        | {\"Arg1\": 1}",
    })
    void formatInsertsValues(String call, String input, String expected) {
        assertEquals(expected, eval(call, input).textValue());
    }

    @Test
    void formatPrintsContainersTheWayJavaPrintsMapsAndLists() {
        assertEquals("{Id=arn:x, Name=m, Nested={k=[1, v, null]}}|[1, b, [], {}]",
                eval("States.Format('{}|{}', $.o, $.a)",
                        "{\"o\": {\"Id\": \"arn:x\", \"Name\": \"m\", \"Nested\": {\"k\": [1, \"v\", null]}},"
                                + " \"a\": [1, \"b\", [], {}]}").textValue());
    }

    @Test
    void formatTakesItsTemplateFromAVariable() {
        PathScope scope = new TestScope(json("{}"), json("{\"Map\": {\"Item\": {\"Value\": \"Pikachu\"}}}"),
                Map.of("AnswerTemplate", json("\"It's {}!\"")));
        assertEquals("It's Pikachu!",
                Intrinsics.compile("States.Format($AnswerTemplate, $$.Map.Item.Value)").evaluate(scope).textValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.Format('{} {}', 'a')",
        "States.Format('{}', 'a', 'b')",
        "States.Format('none', 'a')",
    })
    void formatNeedsOneValuePerPlaceholder(String call) {
        assertFails(call, "{}",
                "Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.Format('Hello {', 'a')  | {}",
        "States.Format('}')             | {}",
        "States.Format('{{}}', 'a')     | {}",
        "States.Format($.t)             | {\"t\": 1}",
        "States.Format($.t, 'a')        | {\"t\": \"a { b {}\"}",
    })
    void formatRejectsMalformedOrMistypedTemplates(String call, String input) {
        assertInvalid(call, input);
    }

    // ---- JSON functions

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"s\": \"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"} | {\"Arg1\":1,\"Arg2\":[]}",
        "{\"s\": \"-0\"}                                  | 0",
        "{\"s\": \"1.1\"}                                 | 1.1",
        "{\"s\": \"true\"}                                | true",
        "{\"s\": \"\\\"HelloWorld\\\"\"}                  | \"HelloWorld\"",
        "{\"s\": \" \"}                                   | null",
        "{\"s\": \"\"}                                    | null",
        "{\"s\": \"null\"}                                | null",
    })
    void stringToJsonParses(String input, String expected) {
        assertEquals(expected, result("States.StringToJson($.s)", input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"s\": \"{\"}",
        "{\"s\": \"1 2\"}",
        "{\"s\": 1}",
        "{\"s\": {}}",
    })
    void stringToJsonRejectsWhatIsNotJsonText(String input) {
        assertInvalid("States.StringToJson($.s)", input);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "null                       | null",
        "0                          | 0",
        "1.1                        | 1.1",
        "100.0                      | 100.0",
        "true                       | true",
        "\"HelloWorld\"             | \"HelloWorld\"",
        "[1, 2, \"HelloWorld\"]     | [1,2,\"HelloWorld\"]",
        "{\"Arg1\": 1, \"Arg2\": []} | {\"Arg1\":1,\"Arg2\":[]}",
    })
    void jsonToStringWritesCompactJson(String value, String expected) {
        assertEquals(expected, eval("States.JsonToString($.v)", "{\"v\": " + value + "}").textValue());
    }

    @Test
    void jsonMergeIsShallowAndTheSecondObjectWins() {
        assertEquals("{\"a\":1,\"n\":{\"y\":2},\"b\":3}", result("States.JsonMerge($.x, $.y, false)",
                "{\"x\": {\"a\": 1, \"n\": {\"x\": 1}}, \"y\": {\"n\": {\"y\": 2}, \"b\": 3}}"));
        assertEquals("{\"constant_in_literal\":\"false\",\"k\":\"v\"}", result(
                "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $.o, false)",
                "{\"o\": {\"k\": \"v\"}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.JsonMerge($.x, $.x, true)",
        "States.JsonMerge($.x, $.x, 'false')",
        "States.JsonMerge($.x, $.a, false)",
        "States.JsonMerge($.a, $.x, false)",
    })
    void jsonMergeRejectsNonObjectsAndDeepMerging(String call) {
        assertInvalid(call, "{\"x\": {}, \"a\": [1]}");
    }

    // ---- Array functions

    @Test
    void arrayCollectsItsArguments() {
        assertEquals("[]", result("States.Array()", "{}"));
        assertEquals("[\"a\",1,{\"k\":[true]},null]", result("States.Array('a', 1, $.o, null)",
                "{\"o\": {\"k\": [true]}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]          | 2          | []",
        "[1,2,3]     | 1          | [[1],[2],[3]]",
        "[1,2,3,4,5] | 2          | [[1,2],[3,4],[5]]",
        "[1,2,3]     | 5          | [[1,2,3]]",
        "[1,2,3,4,5] | 2.6        | [[1,2],[3,4],[5]]",
        "[1,2,3]     | 2147483647 | [[1,2,3]]",
    })
    void arrayPartitionChunksByTheTruncatedSize(String array, String size, String expected) {
        assertEquals(expected, result("States.ArrayPartition($.a, $.n)", "{\"a\": " + array + ", \"n\": " + size + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1]   | 0",
        "[1]   | 0.6",
        "[1]   | -0.4",
        "[1]   | -1",
        "[1]   | '\"2\"'",
        "[1]   | null",
        "'\"x\"' | 2",
    })
    void arrayPartitionRejectsBadArguments(String array, String size) {
        assertInvalid("States.ArrayPartition($.a, $.n)", "{\"a\": " + array + ", \"n\": " + size + "}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]                          | 1                  | false",
        "[[1, 2, 3], 2]              | [1, 2, 3]          | true",
        "[{\"1\": 2, \"2\": []}]     | {\"2\": [], \"1\": 2} | true",
        "[{\"1\": 2, \"2\": []}]     | []                 | false",
        "[true, false]               | false              | true",
        "[1, 2]                      | 1.0                | true",
        "[\"1\"]                     | 1                  | false",
        "[null]                      | null               | true",
    })
    void arrayContainsComparesJsonValues(String array, String value, String expected) {
        assertEquals(expected, result("States.ArrayContains($.a, $.v)", "{\"a\": " + array + ", \"v\": " + value + "}"));
    }

    @Test
    void arrayContainsNeedsAnArray() {
        assertInvalid("States.ArrayContains($.a, 1)", "{\"a\": {}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.ArrayRange(0, 9, 3)         | [0,3,6,9]",
        "States.ArrayRange(0, 10, 3)        | [0,3,6,9]",
        "States.ArrayRange(1, 9, 9)         | [1]",
        "States.ArrayRange(-2, 2, 2)        | [-2,0,2]",
        "States.ArrayRange(5, 1, -2)        | [5,3,1]",
        "States.ArrayRange(3, 3, -1)        | [3]",
        "States.ArrayRange(5, 1, 1)         | []",
        "States.ArrayRange(1, 5, -1)        | []",
        "States.ArrayRange(1, 0, 2)         | []",
        "States.ArrayRange(1.4, 5.6, 2.2)   | [1,3,5]",
        "States.ArrayRange(1.6, 1.4, 1)     | [1]",
        "States.ArrayRange(5.4, -0.6, -2.4) | [5,3,1]",
    })
    void arrayRangeCountsFromStartToEndInclusive(String call, String expected) {
        assertEquals(expected, result(call, "{}"));
    }

    @Test
    void arrayRangeBuildsAtMostAThousandItems() {
        JsonNode up = eval("States.ArrayRange(1, 1000, 1)", "{}");
        assertEquals(1000, up.size());
        assertEquals(1000, up.get(999).intValue());
        assertEquals(1000, eval("States.ArrayRange(1000, 1, -1)", "{}").size());
        assertInvalid("States.ArrayRange(1, 1001, 1)", "{}");
        assertInvalid("States.ArrayRange(1001, 1, -1)", "{}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.ArrayRange(1, 10, 0)",
        "States.ArrayRange(1, 10, 0.49)",
        "States.ArrayRange('a', 5, 1)",
        "States.ArrayRange(1, null, 1)",
        "States.ArrayRange(1, 5, 1e10)",
    })
    void arrayRangeRejectsBadArguments(String call) {
        assertInvalid(call, "{}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2, 3, 4, 5, 6, 7, 8, 9] | 5   | 6",
        "[10, 20, 30]                | 1.2 | 20",
        "[null]                      | 0   | null",
        "[{\"a\": 1}, {\"b\": 2}]    | 1   | {\"b\":2}",
        "[]                          | 999 | null",
    })
    void arrayGetItemReturnsTheItemAtTheTruncatedIndex(String array, String index, String expected) {
        assertEquals(expected, result("States.ArrayGetItem($.a, $.i)", "{\"a\": " + array + ", \"i\": " + index + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[10, 20, 30] | 3",
        "[10, 20, 30] | -1",
        "[10, 20, 30] | '\"1\"'",
        "'\"abc\"'    | 0",
    })
    void arrayGetItemRejectsBadArguments(String array, String index) {
        assertInvalid("States.ArrayGetItem($.a, $.i)", "{\"a\": " + array + ", \"i\": " + index + "}");
    }

    @Test
    void arrayLengthCountsItems() {
        assertEquals("9", result("States.ArrayLength($.a)", "{\"a\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}"));
        assertEquals("0", result("States.ArrayLength($.a)", "{\"a\": []}"));
        assertInvalid("States.ArrayLength($.a)", "{\"a\": \"abc\"}");
    }

    @Test
    void arrayUniqueKeepsFirstOccurrences() {
        assertEquals("[1,\"1\",null,{\"a\":1,\"b\":2},[1],2]", result("States.ArrayUnique($.a)",
                "{\"a\": [1, 1.0, \"1\", null, null, {\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}, [1], [1], 2, 1]}"));
        assertEquals("[1,2,3,4]", result("States.ArrayUnique($.a)", "{\"a\": [1, 2, 2, 3, 3, 4]}"));
        assertInvalid("States.ArrayUnique($.a)", "{\"a\": {}}");
    }

    // ---- Encoding and hashing

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Data to encode | RGF0YSB0byBlbmNvZGU=",
        "``             | ``",
        "✓              | 4pyT",
        "🚀             | 8J+agA==",
    })
    void base64EncodeEncodesUtf8(String text, String encoded) {
        assertEquals(encoded, eval("States.Base64Encode($.s)", "{\"s\": \"" + text + "\"}").textValue());
        assertEquals(text, eval("States.Base64Decode($.s)", "{\"s\": \"" + encoded + "\"}").textValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "` YWJjZA== `  | abcd",
        "YWJj\\nZA==   | abcd",
        "YWI           | ab",
        "YWJjZA        | abcd",
        "YWJjZA==YWJj  | abcd",
        "-_8=          | \uFFFD\uFFFD",
    })
    void base64DecodeIsLenient(String encoded, String text) {
        assertEquals(text, eval("States.Base64Decode($.s)", "{\"s\": \"" + encoded + "\"}").textValue());
    }

    @Test
    void encodingAndHashingAcceptAtMostTenThousandCharacters() {
        String limit = "{\"s\": \"" + "a".repeat(10_000) + "\"}";
        String over = "{\"s\": \"" + "a".repeat(10_001) + "\"}";
        for (String call : new String[]{"States.Base64Encode($.s)", "States.Base64Decode($.s)",
            "States.Hash($.s, 'MD5')"}) {
            eval(call, limit);
            assertInvalid(call, over);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.Base64Encode($.n)",
        "States.Base64Encode($.o)",
        "States.Base64Decode($.n)",
        "States.Base64Decode($.o)",
    })
    void encodingNeedsAString(String call) {
        assertInvalid(call, "{\"n\": 123, \"o\": {}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "input data | SHA-1   | aaff4a450a104cd177d28d18d74485e8cae074b7",
        "input data | SHA-256 | b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
        "hello      | MD5     | 5d41402abc4b2a76b9719d911017c592",
        "hello      | SHA-384 | 59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f",
        "hello      | SHA-512 | 9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043",
    })
    void hashDigestsUtf8(String data, String algorithm, String digest) {
        assertEquals(digest, eval("States.Hash($.d, $.a)", "{\"d\": \"" + data + "\", \"a\": \"" + algorithm + "\"}")
                .textValue());
    }

    @Test
    void hashPrintsDataThatIsNotAString() {
        assertEquals(eval("States.Hash('123', 'MD5')", "{}"), eval("States.Hash(123, 'MD5')", "{}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.Hash('data', 'sha-256')",
        "States.Hash('data', 'SHA256')",
        "States.Hash('data', 'MD-5')",
        "States.Hash('data', '')",
        "States.Hash('data', 123)",
    })
    void hashKnowsOnlyAwsAlgorithmNames(String call) {
        assertInvalid(call, "{}");
    }

    // ---- Strings, UUID

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "` , `                    | ,     | [\" \",\" \"]",
        "`, , ,`                  | ,     | [\" \",\" \"]",
        "1,2,3,4,5                | ,     | [\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "This.is+a,test=string    | .+,=  | [\"This\",\"is\",\"a\",\"test\",\"string\"]",
        "``                       | ,     | []",
        "abc                      | ``    | [\"abc\"]",
    })
    void stringSplitSplitsOnEachDelimiterCharacterAndDropsEmptyPieces(String text, String delimiters, String expected) {
        assertEquals(expected, result("States.StringSplit($.s, $.d)",
                "{\"s\": \"" + text + "\", \"d\": \"" + delimiters + "\"}"));
    }

    @Test
    void stringSplitOnNewlines() {
        assertEquals("[\"split on \",\" and \",\"new line\"]",
                result("States.StringSplit($.s, $.d)", "{\"s\": \"split on T and \\nnew line\", \"d\": \"T\\n\"}"));
        assertEquals("[\"Hello\",\"World\"]", result("States.StringSplit('Hello\nWorld', '\n')", "{}"));
        assertInvalid("States.StringSplit($.s, ',')", "{\"s\": 1}");
        assertInvalid("States.StringSplit('a', $.s)", "{\"s\": null}");
    }

    @Test
    void uuidIsARandomVersion4Uuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String uuid = eval("States.UUID()", "{}").textValue();
            assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
            seen.add(uuid);
        }
        assertEquals(10, seen.size());
    }

    // ---- Math

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-9    | 3     | -6",
        "1.49  | 1.5   | 3",
        "-1.51 | 0     | -2",
        "1.5   | 0     | 2",
        "2.5   | 0     | 3",
        "3.5   | 0     | 4",
        "-0.5  | 0.5   | 1",
        "-1.5  | 0     | -1",
        "-3.5  | 0     | -3",
        "-1.49 | -1.5  | -2",
        "-1.5  | -1.51 | -3",
        "1.49  | 0     | 1",
        "-1.49 | 0     | -1",
        "4.3   | 1     | 5",
        "2147483647 | -1 | 2147483646",
    })
    void mathAddRoundsEachArgumentHalfUp(String a, String b, String sum) {
        assertEquals(sum, result("States.MathAdd($.a, $.b)", "{\"a\": " + a + ", \"b\": " + b + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2147483647  | 1",
        "2147483648  | 0",
        "'\"1\"'     | 1",
        "null        | 1",
    })
    void mathAddRejectsWhatIsNotAnInt(String a, String b) {
        assertInvalid("States.MathAdd($.a, $.b)", "{\"a\": " + a + ", \"b\": " + b + "}");
    }

    @Test
    void mathRandomDrawsFromTheHalfOpenTruncatedRange() {
        for (int i = 0; i < 200; i++) {
            int value = eval("States.MathRandom(1.6, 5.4)", "{}").intValue();
            assertTrue(value >= 1 && value < 5, Integer.toString(value));
        }
        assertEquals(1, eval("States.MathRandom(1, 2)", "{}").intValue());
    }

    @Test
    void mathRandomWithASeedDrawsAsJavaUtilRandom() {
        assertEquals(-5, eval("States.MathRandom(-5, 5, 42)", "{}").intValue());
        JsonNode first = eval("States.MathRandom(1, 1000, 7)", "{}");
        assertEquals(first, eval("States.MathRandom(1, 1000, 7)", "{}"));
        assertEquals(new java.util.Random(7).nextInt(999) + 1, first.intValue());
        assertEquals((int) (Integer.MIN_VALUE + new java.util.Random(1).nextLong(4_294_967_295L)),
                eval("States.MathRandom(-2147483648, 2147483647, 1)", "{}").intValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.MathRandom(1, 1)",
        "States.MathRandom(10, 5)",
        "States.MathRandom(1.4, 1.6)",
        "States.MathRandom('a', 10)",
        "States.MathRandom(1, null)",
        "States.MathRandom(1, 10, null)",
        "States.MathRandom(1, 10, 'seed')",
    })
    void mathRandomRejectsBadArguments(String call) {
        assertInvalid(call, "{}");
    }

    // ---- Path arguments

    @Test
    void aPathArgumentThatFindsNothingFailsNamingTheWholeExpression() {
        assertFails("States.Format('{}', $.nope)", "{\"other\":1}",
                "The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'");
        assertFails("States.Format('{}', States.Format('{}', $.nope))", "{\"other\": 1}",
                "The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'");
        assertFails("States.Format('{}', $.items[5])", "{\"items\": [1, 2]}",
                "The JsonPath argument for the field '$.items[5]' could not be found in the input '{\"items\":[1,2]}'");
    }

    @Test
    void aPathArgumentThatFindsNullIsNull() {
        assertEquals("null", eval("States.Format('{}', $.nul)", "{\"nul\": null}").textValue());
    }

    @Test
    void pathArgumentsReadTheContextAndVariables() {
        PathScope scope = new TestScope(json("{\"x\": 1}"),
                json("{\"StateMachine\": {\"Name\": \"my-state-machine\"}}"), Map.of("bias", json("4.3")));
        assertEquals("machine", Intrinsics.compile("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
                + "States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))")
                .evaluate(scope).textValue());
        assertEquals(5, Intrinsics.compile("States.MathAdd($bias, $.x)").evaluate(scope).intValue());
        ExecutionFailure failure = assertThrows(ExecutionFailure.class,
                () -> Intrinsics.compile("States.MathAdd($nope, 1)").evaluate(scope));
        assertEquals("The function 'States.MathAdd($nope, 1)' had the following error: The JsonPath argument for "
                + "the field '$nope' could not be found in the input '{\"x\":1}'", failure.causeText());
    }

    @Test
    void indefinitePathArgumentsAreArraysOfMatches() {
        assertEquals("3", result("States.ArrayLength($.items[*].x)", "{\"items\": [{\"x\": 1}, {\"x\": 2}, {\"x\": 3}]}"));
        assertEquals("[[2,3]]", result("States.Array($.items[?(@.x > 1)].x)",
                "{\"items\": [{\"x\": 1}, {\"x\": 2}, {\"x\": 3}]}"));
    }
}
