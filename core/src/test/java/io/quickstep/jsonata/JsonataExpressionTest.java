package io.quickstep.jsonata;

import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.quickstep.jsonata.MapScope.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonataExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 +            | S0207 | Unexpected end of expression                         | 4",
            "''             | S0207 | Unexpected end of expression                         | 1",
            "a[1,2)         | S0202 | Expected \"]\", got \",\"                            | 4",
            "\"unterminated | S0101 | String literal must be terminated by a matching quote | 14",
            "/* comment */  | S0207 | Unexpected end of expression                         | 14",
            "1 /* open      | S0106 | Comment has no closing tag                           | -1",
            "$x := function(a) {a} | S0208 | Parameter \"a\" of function definition must be a variable name (start with $) | 16"})
    void syntaxErrorsNameJsonatasCodeAndSentence(String text, String code, String description, int position) {
        JsonataSyntaxException error = assertThrows(JsonataSyntaxException.class, () -> JsonataExpression.compile(text));
        assertEquals(text, error.expression());
        assertEquals(code, error.code());
        assertEquals(description, error.description());
        assertEquals(position, error.position());
    }

    @Test
    void theMessageSaysWhatAndWhere() {
        JsonataSyntaxException error = assertThrows(JsonataSyntaxException.class, () -> JsonataExpression.compile("1 +"));
        assertEquals("Invalid JSONata expression '1 +': S0207: Unexpected end of expression (at character 4)", error.getMessage());
    }

    /** The text is compiled inside a call; a text that only parses there is still refused. */
    @Test
    void aTextThatIsNoExpressionOnItsOwnIsRefused() {
        assertThrows(JsonataSyntaxException.class, () -> JsonataExpression.compile("1) + (2"));
    }

    @Test
    void aCommentMayEndTheText() {
        assertEquals(json("1"), MapScope.empty().eval("1 /* one */"));
    }

    @Test
    void variablesAreTheScopesAndMissingOnesAreNothing() {
        MapScope scope = MapScope.input("{\"n\": 2}").with("factor", "3").with("none", "null");
        assertEquals(json("6"), scope.eval("$states.input.n * $factor"));
        assertEquals(json("null"), scope.eval("$none"));
        assertNull(scope.eval("$unknown"));
        assertEquals(json("\"fallback\""), scope.eval("$exists($unknown) ? $unknown : 'fallback'"));
    }

    @Test
    void aVariableNamedLikeABuiltInFunctionShadowsIt() {
        assertEquals(json("\"mine\""), MapScope.empty().with("sum", "\"mine\"").eval("$sum"));
        assertEquals(json("6"), MapScope.empty().eval("$sum([1, 2, 3])"));
    }

    @Test
    void statesHoldsTheContextAndTheResult() {
        MapScope scope = new MapScope(json("{\"input\": {}, \"result\": {\"v\": 1}, \"context\": {\"State\": {\"Name\": \"S\"}}}"),
                java.util.Map.of());
        assertEquals(json("[1, \"S\"]"), scope.eval("[$states.result.v, $states.context.State.Name]"));
    }

    /** evaluate_jsonata/test_base_jsonata_regular_expressions_* */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$contains(\"hello$world\", /^hello\\$/) | true",
            "$contains(\"hello$world\", /^hello\\ /) | false",
            "$contains('hello$world', /^hello\\ /)   | false"})
    void regularExpressions(String text, String value) {
        assertEquals(json(value), MapScope.empty().eval(text));
    }

    /** evaluate_jsonata, test_base_map_MAX_CONCURRENCY: an assignment is worth its value. */
    @Test
    void anAssignmentEvaluatesToItsValue() {
        assertEquals(json("1"), MapScope.empty().eval("$variable := 1"));
    }

    /** scenarios/test_choice_aws_docs_scenario_CHOICE_STATE_AWS_SCENARIO_JSONATA */
    @Test
    void conditions() {
        MapScope scope = MapScope.input("{\"type\": \"Private\", \"value\": 22}");
        assertEquals(json("false"), scope.eval("$not($states.input.type = 'Private')"));
        assertEquals(json("false"), scope.eval("$states.input.value = 0"));
        assertEquals(json("true"), scope.eval("$states.input.value >= 20 and $states.input.value < 30"));
    }

    @Test
    void evaluationFailuresAreQueryEvaluationErrors() {
        ExecutionFailure failure = assertThrows(ExecutionFailure.class,
                () -> JsonataExpression.compile("$undefined()").evaluate(MapScope.empty(), "Output"));
        assertEquals(StatesErrors.QUERY_EVALUATION_ERROR, failure.error());
        assertEquals("The JSONata expression '$undefined()' specified for the field 'Output' threw an error during "
                + "evaluation. T1006: Attempted to invoke a non-function", failure.causeText());
    }

    @Test
    void deepRecursionFailsTheEvaluationNotTheThread() {
        String text = "($f := function($n) {$n = 0 ? 0 : 1 + $f($n - 1)}; $f(100000))";
        assertEquals("The JSONata expression '" + text + "' specified for the field 'Output' threw an error during "
                + "evaluation: Stack overflow error: the expression nests or recurses too deeply",
                assertThrows(ExecutionFailure.class, () -> MapScope.empty().eval(text)).causeText());
    }

    /** Takes the time limit, five seconds: a loop that never ends must not hold the thread. */
    @Test
    void anEndlessLoopRunsOutOfTime() {
        String text = "($loop := function($n) {$loop($n + 1)}; $loop(0))";
        assertEquals("The JSONata expression '" + text + "' specified for the field 'Output' threw an error during "
                + "evaluation: Expression evaluation timeout: Check for infinite loop",
                assertThrows(ExecutionFailure.class, () -> MapScope.empty().eval(text)).causeText());
    }

    /**
     * The library makes the instance it parses last the thread's scratch instance, and an
     * evaluation there chains its frame onto the previous one: left so, the chain grows with every
     * evaluation until looking up a name overflows the stack.
     */
    @Test
    void theCompilingThreadCanEvaluateForever() {
        JsonataExpression expression = JsonataExpression.compile("$missing");
        for (int i = 0; i < 20_000; i++) {
            assertNull(expression.evaluate(MapScope.empty(), "Output"));
        }
    }

    @Test
    void textIsWhatStandsBetweenTheDelimiters() {
        assertEquals("$states.input", JsonataExpression.compile("$states.input").text());
        assertEquals("{% $states.input %}", JsonataExpression.compile("$states.input").toString());
        assertTrue(JsonataExpression.compile("1").evaluate(MapScope.empty(), "Output").isInt());
    }
}
