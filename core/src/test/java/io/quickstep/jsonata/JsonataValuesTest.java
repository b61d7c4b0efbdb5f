package io.quickstep.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.quickstep.jsonata.MapScope.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversion between Jackson values and the JSONata library's, in both directions; see also {@link JsonataValueProperties}. */
class JsonataValuesTest {

    @Test
    void wholeNumbersComeBackAsIntegerNodesWhateverArithmeticMadeThem() {
        MapScope scope = MapScope.input("{\"values\": [1, 2, 3], \"half\": 1.5, \"big\": 12345678901234}");
        assertEquals(json("7"), scope.eval("$sum($states.input.values) + 1"));
        assertEquals(json("3"), scope.eval("$states.input.half * 2"));
        assertEquals(json("12345678901235"), scope.eval("$states.input.big + 1"));
        assertEquals(json("2"), scope.eval("4 / 2"));
        assertEquals(json("0"), scope.eval("-0.0"));
    }

    @Test
    void fractionsComeBackAsTheShortestDecimalOfTheDouble() {
        MapScope scope = MapScope.input("{\"price\": 0.1}");
        assertEquals(Json.NODES.numberNode(new BigDecimal("0.1")), scope.eval("$states.input.price"));
        assertEquals(Json.NODES.numberNode(new BigDecimal("0.30000000000000004")), scope.eval("0.1 + 0.2"));
        assertEquals(Json.NODES.numberNode(new BigDecimal("2.5")), scope.eval("5 / 2"));
    }

    @Test
    void largeIntegersStayExact() {
        assertEquals(json("9007199254740993"), MapScope.input("{\"n\": 9007199254740993}").eval("$states.input.n"));
        assertEquals(json("9007199254740993"), JsonataValues.toJson(JsonataValues.toJsonata(json("9007199254740993"))));
    }

    @Test
    void jsonNullIsNullAndAMissingMemberIsNothing() {
        MapScope scope = MapScope.input("{\"a\": null}").with("nothingness", "null");
        assertEquals(json("null"), scope.eval("$states.input.a"));
        assertEquals(json("\"null\""), scope.eval("$type($states.input.a)"));
        assertNull(scope.eval("$states.input.b"));
        assertEquals(json("null"), scope.eval("$nothingness"));
        assertEquals(json("null"), scope.eval("null"));
        assertEquals(json("[null,1]"), scope.eval("[null, 1]"));
        assertEquals(json("{\"k\":null}"), scope.eval("{'k': null}"));
    }

    @Test
    void nullIsTheLibrarysNullAtAnyDepth() {
        assertSame(Jsonata.NULL_VALUE, JsonataValues.toJsonata(json("null")));
        assertSame(Jsonata.NULL_VALUE, ((Map<?, ?>) JsonataValues.toJsonata(json("{\"a\": null}"))).get("a"));
        assertSame(Jsonata.NULL_VALUE, ((List<?>) JsonataValues.toJsonata(json("[null]"))).get(0));
    }

    /** As in JavaScript JSONata; the library's own JSON parser would make these items nothing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$states.input.items[1]                                 | null",
            "$type($states.input.items[1])                          | \"null\"",
            "$states.input.items[1] = null                          | true",
            "$states.input.items ~> $map(function($v) {$v})        | [1, null, 3]",
            "$states.input.items[$ = null]                          | null",
            "$states.input.items = [1, null, 3]                     | true",
            "$states.input = {'items': [1, null, 3], 'n': null}     | true",
            "$each($states.input, function($v, $k) {$type($v)})    | [\"array\", \"null\"]"})
    void nullItemsAndMembersOfTheInputAreNull(String text, String value) {
        assertEquals(json(value), MapScope.input("{\"items\": [1, null, 3], \"n\": null}").eval(text));
    }

    @Test
    void numbersGoInAsTheLibraryMakesThem() {
        assertInstanceOf(Integer.class, JsonataValues.toJsonata(json("5")));
        assertInstanceOf(Long.class, JsonataValues.toJsonata(json("5000000000")));
        assertInstanceOf(Integer.class, JsonataValues.toJsonata(json("5.0")));
        assertInstanceOf(Double.class, JsonataValues.toJsonata(json("5.5")));
        assertEquals(json("true"), MapScope.input("{\"o\": {\"a\": 1.0}}").eval("$states.input.o = {'a': 1}"));
    }

    @Test
    void partsOfTheInputComeBackAsTheVeryNodes() {
        MapScope scope = MapScope.input("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"one\": [5]}");
        JsonNode items = scope.states().get("input").get("items");
        assertSame(items, scope.eval("$states.input.items"));
        assertSame(items.get(1), scope.eval("$states.input.items[1]"));
        assertSame(scope.states().get("input").get("one"), scope.eval("$states.input.one"));
        assertEquals(json("[1,2]"), scope.eval("$states.input.items.id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"function($x) {$x}", "$uppercase", "/regex/", "{'f': function($x) {$x}}"})
    void functionsAndRegularExpressionsAreNoJson(String text) {
        Object value = evaluateRaw(text);
        assertThrows(JsonataValues.UnsupportedResultException.class, () -> JsonataValues.toJson(value));
    }

    /**
     * The views must behave as the library's own values do: each expression is evaluated on the
     * views and on the same document as the library's JSON parser reads it (which differs only in
     * null items of arrays, left out here and tested above).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "$.a", "$.arr[1]", "$.arr[-1]", "$.arr[$ > 1]", "$count($.arr)", "$.objs.v", "$.objs[v = 2]",
            "$keys($)", "$sort($.arr)", "$reverse($.arr)", "$distinct($.dup)", "$string($)", "$.objs{w: v}",
            "$merge($.objs)", "$spread($.o)", "$each($.o, function($v, $k) {$k & $v})", "$sift($.o, function($v) {$v > 1})",
            "$.o.*", "**.v", "$lookup($.o, 'x')", "$.objs^(>v).w", "$exists($.missing)", "$type($.n)",
            "$.arr ~> $map(function($v) {$v * 2})", "$.arr ~> $filter(function($v) {$v > 1})",
            "$.arr ~> $reduce(function($a, $b) {$a + $b})", "$zip($.arr, $.dup)", "$.o ~> |$|{'z': 9}, ['x']|",
            "$.arr = [1, 2, 3]", "$.o = {'x': 1, 'y': 2}", "$.objs[0] in $.objs", "$append($.arr, $.dup)", "$.s & $.a",
            "$.arr[[0..1]]", "$boolean($.o)", "$.objs#$i[$i > 0].v", "$.objs@$o.$o.w"})
    void viewsAnswerAsTheLibrarysOwnValues(String text) {
        String document = "{\"a\": 1, \"s\": \"x\", \"n\": null, \"arr\": [1, 2, 3], \"dup\": [1, 1, 2],"
                + " \"o\": {\"x\": 1, \"y\": 2}, \"objs\": [{\"v\": 1, \"w\": \"a\"}, {\"v\": 2, \"w\": \"b\"}]}";
        Jsonata expression = Jsonata.jsonata(text);
        Object onViews = expression.evaluate(JsonataValues.toJsonata(json(document)));
        Object onLibraryValues = expression.evaluate(com.dashjoin.jsonata.json.Json.parseJson(document));
        assertEquals(JsonataValues.toJson(onLibraryValues), JsonataValues.toJson(onViews));
    }

    private static Object evaluateRaw(String text) {
        // The newline keeps the library's tokenizer from reading past the end after a regular expression.
        Jsonata expression = Jsonata.jsonata(text + "\n");
        return expression.evaluate(null, expression.createFrame());
    }
}
