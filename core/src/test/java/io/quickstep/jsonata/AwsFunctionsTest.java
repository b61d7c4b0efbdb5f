package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static io.quickstep.jsonata.MapScope.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions Step Functions adds to JSONata. Expected values come from AWS: the conformance
 * corpus (cases named), and where the corpus has none, AWS's recorded answers in LocalStack's
 * snapshots of the same tests.
 */
class AwsFunctionsTest {
    private static final MapScope SCOPE = MapScope.empty();

    /** intrinsic_functions/test_array_jsonata.test_array_partition.* */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[0]        | 3 | [[0]]",
            "[0]        | 4 | [[0]]",
            "[0, 1]     | 1 | [[0], [1]]",
            "[0, 1]     | 2 | [[0, 1]]",
            "[0, 1]     | 5 | [[0, 1]]",
            "[0, 1, 2]  | 1 | [[0], [1], [2]]",
            "[0, 1, 2]  | 2 | [[0, 1], [2]]",
            "[0, 1, 2]  | 5 | [[0, 1, 2]]",
            "[0,1,2,3]  | 4 | [[0, 1, 2, 3]]"})
    void partitionCutsAnArrayIntoChunks(String array, int size, String chunks) {
        assertEquals(json(chunks), SCOPE.eval("$partition(" + array + ", " + size + ")"));
    }

    @Test
    void partitionOfOneValueTreatsItAsAnArray() {
        assertEquals(json("[[\"a\"]]"), SCOPE.eval("$partition('a', 2)"));
    }

    @Test
    void partitionNeedsAPositiveWholeSize() {
        assertEquals("The JSONata expression '$partition([1, 2], 0)' specified for the field 'Output' threw an error "
                + "during evaluation: Argument 2 of function \"partition\" must be a positive integer", failure("$partition([1, 2], 0)"));
        assertTrue(failure("$partition([1, 2], 1.5)").endsWith("Argument 2 of function \"partition\" must be an integer "
                + "between -9007199254740991 and 9007199254740991"));
    }

    /** test_array_jsonata.test_array_range.0 and .2 (corpus), .1 and .3 (LocalStack's snapshot). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0, 9, 3   | [0, 3, 6, 9]",
            "0, 10, 3  | [0, 3, 6, 9]",
            "1, 9, 9   | 1",
            "1, 9, 2   | [1, 3, 5, 7, 9]",
            "10, 0, -5 | [10, 5, 0]"})
    void rangeCountsFromStartToEndIncluded(String args, String numbers) {
        assertEquals(json(numbers), SCOPE.eval("$range(" + args + ")"));
    }

    @Test
    void rangeThatNeverStartsIsNothing() {
        assertNull(SCOPE.eval("$range(5, 1, 1)"));
    }

    @Test
    void rangeRefusesAZeroStepAndHugeRanges() {
        assertTrue(failure("$range(0, 5, 0)").endsWith(": Argument 3 of function \"range\" must not be zero"));
        assertTrue(failure("$range(0, 2000000, 1)").endsWith(": Function \"range\" would produce 2000001 numbers, "
                + "more than the 1000000 allowed"));
    }

    /** The standard test vectors for "abc"; AWS answered the SHA-1 of "input" as below. */
    @ParameterizedTest
    @CsvSource({
            "abc, MD5, 900150983cd24fb0d6963f7d28e17f72",
            "abc, SHA-1, a9993e364706816aba3e25717850c26c9cd0d89d",
            "abc, SHA-256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "abc, SHA-384, cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
            "abc, SHA-512, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "input, SHA-1, 140f86aae51ab9e1cda9b4254fe98a74eb54c1a1"})
    void hashIsTheLowercaseHexDigest(String value, String algorithm, String digest) {
        assertEquals(json("\"" + digest + "\""), SCOPE.eval("$hash('" + value + "', '" + algorithm + "')"));
    }

    @Test
    void hashKnowsFiveAlgorithms() {
        assertTrue(failure("$hash('abc', 'sha256')").endsWith(": Argument 2 of function \"hash\" must be one of MD5, "
                + "SHA-1, SHA-256, SHA-384, SHA-512, but was \"sha256\""));
    }

    /** AWS's $random(seed) is java.util.Random's first double: 42 gives this number on AWS. */
    @Test
    void seededRandomRepeats() {
        assertEquals(json("0.7275636800328681"), SCOPE.eval("$random(42)"));
        assertEquals(SCOPE.eval("$random(7)"), SCOPE.eval("$random(7)"));
    }

    @Test
    void unseededRandomIsBetweenZeroAndOne() {
        JsonNode first = SCOPE.eval("$random()");
        assertTrue(first.doubleValue() >= 0 && first.doubleValue() < 1, first::toString);
        assertNotEquals(first, SCOPE.eval("$random()"));
    }

    @Test
    void uuidIsARandomVersionFourUuid() {
        String uuid = SCOPE.eval("$uuid()").textValue();
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
        assertNotEquals(uuid, SCOPE.eval("$uuid()").textValue());
    }

    /** intrinsic_functions/test_parse.0-2 (corpus), the rest from LocalStack's snapshot of the same test. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-0                       | 0",
            "1                        | 1",
            "1.1                      | 1.1",
            "true                     | true",
            "\"HelloWorld\"           | \"HelloWorld\"",
            "[1, 2, \"HelloWorld\"]   | [1, 2, \"HelloWorld\"]",
            "{\"Arg1\": 1, \"Arg2\": []} | {\"Arg1\": 1, \"Arg2\": []}",
            "null                     | null"})
    void parseReadsJsonText(String text, String value) {
        assertEquals(json(value), SCOPE.with("text", Json.write(Json.NODES.textNode(text))).eval("$parse($text)"));
    }

    @Test
    void parseRefusesWhatIsNotJson() {
        assertTrue(failure("$parse('{')").contains(": Argument 1 of function \"parse\" is not JSON text: "));
        assertTrue(failure("$parse('')").endsWith(": Argument 1 of function \"parse\" is not JSON text: no value in \"\""));
    }

    @Test
    void evalIsNotAvailable() {
        assertEquals("The JSONata expression '$eval('1 + 1')' specified for the field 'Output' threw an error during "
                + "evaluation. T1006: Attempted to invoke a non-function", failure("$eval('1 + 1')"));
    }

    @Test
    void argumentsAreCheckedAgainstTheSignature() {
        assertTrue(failure("$random('seed')").endsWith(". T0410: Argument 1 of function \"random\" does not match "
                + "function signature"));
    }

    /** The library's own $millis would answer the time of the thread's first evaluation again. */
    @Test
    void millisIsTheTimeOfEachEvaluation() {
        JsonataExpression millis = JsonataExpression.compile("$millis()");
        for (int i = 0; i < 2; i++) {
            long before = System.currentTimeMillis();
            long value = millis.evaluate(SCOPE, "Output").longValue();
            assertTrue(before <= value && value <= System.currentTimeMillis(), "evaluation " + i);
            while (System.currentTimeMillis() == before) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void nowIsTheSameInstantThroughoutAnEvaluation() {
        long before = System.currentTimeMillis();
        Instant now = Instant.parse(SCOPE.eval("$now()").textValue());
        assertTrue(now.toEpochMilli() >= before && now.toEpochMilli() <= System.currentTimeMillis());
        assertEquals(json("true"), SCOPE.eval("$now() = $fromMillis($millis()) and $now() = $now()"));
        assertEquals(json("\"" + java.time.Year.now(java.time.ZoneOffset.UTC) + "\""), SCOPE.eval("$now('[Y0001]', '+0000')"));
        assertTrue(failure("$now(1)").endsWith(". T0410: Argument 1 of function \"now\" does not match function signature"));
    }

    private static String failure(String text) {
        return assertThrows(ExecutionFailure.class, () -> SCOPE.eval(text)).causeText();
    }
}
