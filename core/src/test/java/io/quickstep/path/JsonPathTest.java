package io.quickstep.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonPathTest {
    private static final JsonNode DOC = json("""
            {"a": {"b": 1, "b c": "space", "x-y": "dash", "é": "accent", "it's": "quote"},
             "list": [10, 20, 30, 40],
             "items": [{"x": 1, "name": "one"}, {"x": 2, "name": "two"}, {"x": 3}, {"name": null}],
             "nested": {"a": {"a": 5}},
             "scalar": 7}
            """);

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String read(String path) {
        JsonNode value = JsonPath.compile(path).read(DOC);
        return value == null ? null : Json.write(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.a.b                     | 1",
        "$['a']['b']               | 1",
        "$[\"a\"][\"b\"]           | 1",
        "$.a['b c']                | \"space\"",
        "$.a.x-y                   | \"dash\"",
        "$.a.é                     | \"accent\"",
        "$.a['it\\'s']             | \"quote\"",
        "$.list[0]                 | 10",
        "$.list[-1]                | 40",
        "$.list[ 1 ]               | 20",
        "$.items[1].name           | \"two\"",
        "$.scalar                  | 7",
        "$.a['b','x-y']            | {\"b\":1,\"x-y\":\"dash\"}",
        "$.a['b','missing']        | {\"b\":1}",
    })
    void readsDefinitePaths(String path, String expected) {
        assertEquals(expected, read(path));
        assertTrue(JsonPath.compile(path).isDefinite());
    }

    @Test
    void rootPathReturnsTheDocumentItself() {
        assertSame(DOC, JsonPath.compile("$").read(DOC));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.missing",
        "$.a.missing",
        "$.missing.deeper",
        "$.list[4]",
        "$.list[-5]",
        "$.scalar.b",
        "$.a[0]",
        "$.list.b",
    })
    void definitePathReturnsNullWhenNothingMatches(String path) {
        assertNull(read(path));
    }

    /** As on AWS: an indefinite path below a missing member matches nothing, which is not an error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.missing[*]",
        "$.missing..x",
        "$.missing[1:]",
    })
    void indefinitePathBelowAMissingMemberReturnsAnEmptyArray(String path) {
        assertEquals("[]", read(path));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", value = {
        "$.list[*]                       -> [10,20,30,40]",
        "$.a.*                           -> [1,\"space\",\"dash\",\"accent\",\"quote\"]",
        "$.*                             -> [{\"b\":1,\"b c\":\"space\",\"x-y\":\"dash\",\"é\":\"accent\",\"it's\":\"quote\"},[10,20,30,40],[{\"x\":1,\"name\":\"one\"},{\"x\":2,\"name\":\"two\"},{\"x\":3},{\"name\":null}],{\"a\":{\"a\":5}},7]",
        "$.items[*].x                    -> [1,2,3]",
        "$.items[*].name                 -> [\"one\",\"two\",null]",
        "$..a                            -> [{\"b\":1,\"b c\":\"space\",\"x-y\":\"dash\",\"é\":\"accent\",\"it's\":\"quote\"},{\"a\":5},5]",
        "$.nested..a                     -> [{\"a\":5},5]",
        "$..x                            -> [1,2,3]",
        "$.list[0,2]                     -> [10,30]",
        "$.list[2,0,9]                   -> [30,10]",
        "$.list[1:3]                     -> [20,30]",
        "$.list[:2]                      -> [10,20]",
        "$.list[-2:]                     -> [30,40]",
        "$.list[2:]                      -> [30,40]",
        "$.list[:-1]                     -> [10,20,30]",
        "$.list[3:1]                     -> []",
        "$.list[1:99]                    -> [20,30,40]",
        "$.items[?(@.x > 1)].x           -> [2,3]",
        "$.items[?(@.x >= 2)].x          -> [2,3]",
        "$.items[?(@.x < 2)].x           -> [1]",
        "$.items[?(@.x <= 2)].x          -> [1,2]",
        "$.items[?(@.x == 2)].name       -> [\"two\"]",
        "$.items[?(@.name == 'one')].x   -> [1]",
        "$.items[?(@.name == \"two\")].x -> [2]",
        "$.items[?(@.name > 'one')].x    -> [2]",
        "$.items[?(@.name)].x            -> [1,2]",
        "$.items[?(@.x)].x               -> [1,2,3]",
        "$.items[?(@.name != null)].x    -> [1,2,3]",
        "$.items[?(@.name == null)]      -> [{\"name\":null}]",
        "$.items[?(@.x == 1 || @.x == 3)].x -> [1,3]",
        "$.items[?(@.x > 1 && @.name)].x -> [2]",
        "$.items[?(!(@.x > 1))].name     -> [\"one\",null]",
        "$.items[?(@.x == '1')]          -> []",
        "$.items[?(@.x == 1.0)].name     -> [\"one\"]",
        "$.items[?(@.x > $.a.b)].x       -> [2,3]",
        "$.list[?(@ > 15)]               -> [20,30,40]",
        "$..[?(@.x == 2)].name           -> [\"two\"]",
        "$.scalar[*]                     -> []",
        "$.items[*].missing              -> []",
    })
    void readsIndefinitePathsAsArraysOfMatches(String path, String expected) {
        assertEquals(expected, read(path));
        assertFalse(JsonPath.compile(path).isDefinite());
    }

    @Test
    void readsFromTheRootThePathNames() {
        JsonNode input = json("{\"a\": 1}");
        JsonNode context = json("{\"Execution\": {\"Id\": \"arn:x\"}, \"Map\": {\"Item\": {\"Value\": 3}}}");
        JsonNode order = json("{\"id\": 42, \"lines\": [5]}");
        TestScope scope = new TestScope(input, context, Map.of("order", order));

        assertEquals(1, JsonPath.compile("$.a").read(scope).intValue());
        assertEquals("arn:x", JsonPath.compile("$$.Execution.Id").read(scope).textValue());
        assertEquals(3, JsonPath.compile("$$.Map.Item.Value").read(scope).intValue());
        assertSame(context, JsonPath.compile("$$").read(scope));
        assertEquals(42, JsonPath.compile("$order.id").read(scope).intValue());
        assertEquals(5, JsonPath.compile("$order.lines[0]").read(scope).intValue());
        assertSame(order, JsonPath.compile("$order").read(scope));
        assertNull(JsonPath.compile("$unknown.id").read(scope));
    }

    @Test
    void describesItsRoot() {
        assertTrue(JsonPath.compile("$$.Execution.Id").isContextPath());
        assertFalse(JsonPath.compile("$.a").isContextPath());
        assertEquals("order", JsonPath.compile("$order.id").variableName());
        assertEquals("_x1", JsonPath.compile("$_x1").variableName());
        assertNull(JsonPath.compile("$.order").variableName());
        assertNull(JsonPath.compile("$$.x").variableName());
        assertEquals("$.a['b c']", JsonPath.compile("$.a['b c']").text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$                 | true",
        "$.a.b             | true",
        "$['a'][0]         | true",
        "$$.Map.Item.Value | true",
        "$.a[-1]           | false",
        "$.a[*]            | false",
        "$..a              | false",
        "$.a[0,1]          | false",
        "$.a[0:1]          | false",
        "$.a[?(@.x)]       | false",
        "$['a','b']        | false",
    })
    void knowsReferencePaths(String path, boolean reference) {
        assertEquals(reference, JsonPath.compile(path).isReferencePath());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$                | $",
        "$.a.b[0]         | $['a']['b'][0]",
        "$.NoSuchPath     | $['NoSuchPath']",
        "$$.Execution.Id  | $['Execution']['Id']",
        "$..a[*]          | $..['a'][*]",
        "$.a[1:2][0,3]    | $['a'][1:2][0,3]",
        "$.a[?(@.x)]      | $['a'][?]",
        "$['a','b']       | $['a','b']",
    })
    void printsTheNormalizedFormJaywayUsesInMessages(String path, String normalized) {
        assertEquals(normalized, JsonPath.compile(path).normalized());
    }

    @Test
    void writeReplacesTheValueAndSharesTheRest() {
        JsonNode root = json("{\"a\": {\"b\": 1, \"c\": [1, 2]}, \"d\": {\"e\": true}}");
        JsonNode before = root.deepCopy();

        JsonNode written = JsonPath.compile("$.a.b").write(root, json("\"new\""));

        assertEquals(json("{\"a\": {\"b\": \"new\", \"c\": [1, 2]}, \"d\": {\"e\": true}}"), written);
        assertEquals(before, root);
        assertSame(root.get("d"), written.get("d"));
        assertSame(root.get("a").get("c"), written.get("a").get("c"));
    }

    @Test
    void writeCreatesMissingObjectsAndKeepsMemberOrder() {
        JsonNode root = json("{\"first\": 1, \"last\": 2}");
        JsonNode written = JsonPath.compile("$.new.deeper").write(root, json("3"));
        assertEquals("{\"first\":1,\"last\":2,\"new\":{\"deeper\":3}}", Json.write(written));
        assertEquals("{\"first\":0,\"last\":2}",
                Json.write(JsonPath.compile("$.first").write(root, json("0"))));
    }

    @Test
    void writeIntoArrayElements() {
        JsonNode root = json("{\"list\": [{\"a\": 1}, {\"a\": 2}]}");
        JsonNode written = JsonPath.compile("$.list[1].a").write(root, json("9"));
        assertEquals(json("{\"list\": [{\"a\": 1}, {\"a\": 9}]}"), written);
        assertSame(root.get("list").get(0), written.get("list").get(0));
    }

    @Test
    void writeAtTheRootReturnsTheValue() {
        JsonNode value = json("[1]");
        assertSame(value, JsonPath.compile("$").write(json("{}"), value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.a.b     | {\"a\": 5}",
        "$.a.b     | {\"a\": null}",
        "$.a.b     | {\"a\": [1]}",
        "$.a       | \"text\"",
        "$.list[2] | {\"list\": [1, 2]}",
        "$.list[0] | {\"list\": {\"0\": 1}}",
        "$.list[0] | {}",
        "$[0]      | {}",
    })
    void writeFailsWhereThePathCannotBeApplied(String path, String root) {
        assertNull(JsonPath.compile(path).write(json(root), json("1")));
    }

    @Test
    void writeRefusesPathsThatAreNotReferencePaths() {
        assertThrows(IllegalStateException.class, () -> JsonPath.compile("$.a[*]").write(json("{}"), json("1")));
    }

    @Test
    void explainsAMissingPathInJaywaysWords() throws Exception {
        JsonNode root = Json.parse("{\"a\": {\"b\": 1}}");
        assertEquals("No results for path: $['a']['c']", JsonPath.compile("$.a.c").explainMissing(root));
        assertEquals("Missing property in path $['x']", JsonPath.compile("$.x.y.z").explainMissing(root));
        assertEquals("Missing property in path $['a']['b']['c']",
                JsonPath.compile("$.a.b.c.d").explainMissing(root));
    }
}
