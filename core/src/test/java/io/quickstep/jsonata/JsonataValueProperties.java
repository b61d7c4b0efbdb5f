package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonArbitraries;
import io.quickstep.path.JsonEquality;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the conversion between Jackson values and the JSONata library's, over random JSON trees. */
class JsonataValueProperties {

    /** Objects and arrays come back as the very node; scalars as an equal one. */
    @Property(tries = 300)
    void statesInputEvaluatesToTheInput(@ForAll("values") JsonNode input) {
        MapScope scope = new MapScope(Json.NODES.objectNode().set("input", input), Map.of());
        JsonNode value = scope.eval("$states.input");
        if (input.isContainerNode()) {
            assertSame(input, value);
        } else {
            assertTrue(JsonEquality.equal(input, value), () -> Json.write(input) + " became " + Json.write(value));
        }
    }

    @Property(tries = 300)
    void everyValueSurvivesConversionIntoLibraryValuesAndBack(@ForAll("values") JsonNode value) {
        Object library = plainCopy(JsonataValues.toJsonata(value));
        assertTrue(JsonEquality.equal(value, JsonataValues.toJson(library)), () -> Json.write(value));
    }

    /**
     * The library serialises the views (read member by member, number by number) and {@code $parse}
     * reads the text back. The value goes in an object, as {@code $string} leaves a string unquoted.
     */
    @Property(tries = 200)
    void serialisingAndParsingInsideJsonataGivesAnEqualValue(@ForAll("values") JsonNode input) {
        MapScope scope = new MapScope(Json.NODES.objectNode().set("input", input), Map.of());
        JsonNode value = scope.eval("$parse($string({'v': $states.input})).v");
        assertTrue(JsonEquality.equal(input, value), () -> Json.write(input) + " became " + Json.write(value));
    }

    /** The value as the library builds values of its own: plain maps and lists, no views. */
    private static Object plainCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, member) -> copy.put((String) key, plainCopy(member)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(plainCopy(item)));
            return copy;
        }
        return value;
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return JsonArbitraries.values(4, '"', '\\', '\n');
    }

    /**
     * Random JSON values with numbers of every kind Jackson parses: ints, longs, exact decimals.
     * Keys hold no quote or backslash: the library's {@code $string} leaves them unescaped in keys.
     */
}
