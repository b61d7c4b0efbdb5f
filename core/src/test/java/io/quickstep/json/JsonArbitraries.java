package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;

/** Random JSON values for property tests: scalars of every kind, arrays and objects, nested. */
public final class JsonArbitraries {
    private JsonArbitraries() {
    }

    /**
     * Values nested up to {@code depth}; keys and strings use a-z, non-ASCII letters and spaces,
     * and strings also {@code extraTextChars} (e.g. characters JSON must escape).
     */
    public static Arbitrary<JsonNode> values(int depth, char... extraTextChars) {
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '€', ' ').ofMaxLength(8);
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '€', ' ')
                .withChars(extraTextChars).ofMaxLength(8);
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                text.map(t -> (JsonNode) Json.NODES.textNode(t)),
                Arbitraries.integers().map(i -> (JsonNode) Json.NODES.numberNode(i)),
                Arbitraries.longs().between(-(1L << 53), 1L << 53).map(l -> (JsonNode) Json.NODES.numberNode(l)),
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e6), BigDecimal.valueOf(1e6)).ofScale(3)
                        .map(d -> (JsonNode) Json.NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) Json.NODES.booleanNode(b)),
                Arbitraries.just((JsonNode) Json.NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> array = values(depth - 1, extraTextChars).list().ofMaxSize(4).map(items -> {
            ArrayNode node = Json.NODES.arrayNode();
            node.addAll(items);
            return node;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(key, values(depth - 1, extraTextChars)).ofMaxSize(4).map(fields -> {
            ObjectNode node = Json.NODES.objectNode();
            fields.forEach(node::set);
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, array), Tuple.of(1, object));
    }
}
