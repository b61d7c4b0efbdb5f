package io.quickstep.intrinsics;

import io.quickstep.json.Json;
import io.quickstep.path.TestScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntrinsicSyntaxTest {

    @Test
    void recognisesIntrinsicCalls() {
        assertTrue(Intrinsics.isIntrinsic("States.Format('x')"));
        assertTrue(Intrinsics.isIntrinsic("States.Nope("));
        assertFalse(Intrinsics.isIntrinsic("$.a"));
        assertFalse(Intrinsics.isIntrinsic(" States.UUID()"));
        assertFalse(Intrinsics.isIntrinsic(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "States.UUID()",
        "States.UUID( )",
        "States.Array()",
        "States.Array( 1 , -2.5 , 1e3 , true , false , null , 'x' )",
        "States.Array($, $$, $var, $var.a[0], $.a['b, c'], $.a[?(@.x > 1)], $$.Execution.Id)",
        "States.Array(States.Array(States.Array()))",
        "States.Format('a \\' \\{ \\} \\\\ b')",
        "States.StringToJson('{\"a\": [1, 2]}')",
        "States.MathRandom(1, 2)",
        "States.MathRandom(1, 2, 3)",
        "States.Format('{}', 1)  ",
    })
    void compilesWellFormedCalls(String text) {
        Intrinsic call = Intrinsics.compile(text);
        assertEquals(text, call.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "States.Nope()                  | 0  | unknown function 'States.Nope'",
        "States.format('x')             | 0  | unknown function 'States.format'",
        "States.UUID                    | 11 | expected '('",
        "States.UUID(                   | 12 | expected a string, a number",
        "States.UUID())                 | 13 | unexpected text after the call",
        "States.Array(1 2)              | 15 | expected ','",
        "States.Array(1,)               | 15 | expected a string, a number",
        "States.Array(,1)               | 13 | expected a string, a number",
        "States.Array(abc)              | 13 | expected a string, a number",
        "States.Array('abc)             | 13 | unterminated string",
        "States.Array('a\\nb')          | 15 | only \\' \\{ \\} and \\\\ may be escaped",
        "States.Array(1.)               | 13 | malformed number",
        "States.Array(01)               | 13 | malformed number",
        "States.Array(- 1)              | 13 | malformed number",
        "States.Array($.a b)            | 17 | expected ','",
        "States.Array($.a[)             | 17 | Invalid JSONPath '$.a[)' at position 4",
        "States.Array($x y)             | 16 | expected ','",
        "States.UUID(1)                 | 0  | States.UUID takes 0 argument(s) but is given 1",
        "States.Hash('a')               | 0  | States.Hash takes 2 argument(s) but is given 1",
        "States.MathRandom(1)           | 0  | States.MathRandom takes 2 to 3 argument(s) but is given 1",
        "States.MathRandom(1, 2, 3, 4)  | 0  | States.MathRandom takes 2 to 3 argument(s) but is given 4",
        "States.Format()                | 0  | States.Format takes at least 1 argument(s) but is given 0",
        "States.Array(States.Hash())    | 13 | States.Hash takes 2 argument(s) but is given 0",
        "States.Array(States.Nope())    | 13 | unknown function 'States.Nope'",
    })
    void rejectsMalformedCallsNamingTextAndPosition(String text, int position, String reason) {
        IntrinsicSyntaxException e = assertThrows(IntrinsicSyntaxException.class, () -> Intrinsics.compile(text));
        assertEquals(text, e.text());
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid intrinsic function call '" + text + "' at position "
                + position + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void literalsKeepTheirValues() {
        String text = "States.Array('it\\'s \\{\\} \\\\', -0, 1.5, 10000000000, 1e2, true, null)";
        assertEquals("[\"it's {} \\\\\",0,1.5,10000000000,1E+2,true,null]",
                Json.write(Intrinsics.compile(text).evaluate(TestScope.of(Json.NODES.objectNode()))));
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> Intrinsics.compile("States.Nope()"));
    }
}
