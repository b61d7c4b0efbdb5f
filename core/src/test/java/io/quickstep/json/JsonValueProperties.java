package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the value model: parsing, writing and the payload size measure. */
class JsonValueProperties {

    @Property(tries = 300)
    void writingThenParsingGivesAnEqualValue(@ForAll("values") JsonNode value) throws Exception {
        assertEquals(value, Json.parse(Json.write(value)));
    }

    @Property(tries = 300)
    void sizeIsTheCompactUtf8LengthForTextWithoutEscapes(@ForAll("values") JsonNode value) {
        long written = Json.write(value).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(written, JsonSize.of(value, Long.MAX_VALUE));
    }

    @Property(tries = 100)
    void sizeStopsCountingPastTheCap(@ForAll("values") JsonNode value) {
        long full = JsonSize.of(value, Long.MAX_VALUE);
        long capped = JsonSize.of(value, 10);
        assertTrue(full <= 10 ? capped == full : capped > 10 && capped <= full);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return value(4);
    }

    /** Random JSON values; strings avoid characters JSON escapes, keys and text include non-ASCII. */
    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '€', ' ', '-')
                .ofMaxLength(8);
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                text.map(t -> (JsonNode) Json.NODES.textNode(t)),
                Arbitraries.integers().map(i -> (JsonNode) Json.NODES.numberNode(i)),
                Arbitraries.bigDecimals().between(java.math.BigDecimal.valueOf(-1e6), java.math.BigDecimal.valueOf(1e6))
                        .ofScale(3).map(d -> (JsonNode) Json.NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) Json.NODES.booleanNode(b)),
                Arbitraries.just((JsonNode) Json.NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode node = Json.NODES.arrayNode();
            node.addAll(items);
            return node;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(text, value(depth - 1)).ofMaxSize(4).map(fields -> {
            ObjectNode node = Json.NODES.objectNode();
            fields.forEach(node::set);
            return node;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(1, object));
    }
}
