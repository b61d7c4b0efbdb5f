package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A shared object reads, iterates, serializes and changes exactly like a copied one. */
class SharedObjectNodeProperties {

    @Property(tries = 300)
    void chainsOfSetsReadLikeCopies(@ForAll("objects") JsonNode start, @ForAll("keys") List<String> keys,
                                    @ForAll("values") JsonNode value) {
        ObjectNode base = (ObjectNode) start;
        String before = Json.write(base);
        ObjectNode shared = base;
        ObjectNode copied = base.deepCopy();
        for (String key : keys) {
            shared = SharedObjectNode.with(shared, key, value);
            copied = copied.deepCopy();
            copied.set(key, value);
        }
        assertEquals(copied, shared);
        assertEquals(shared, copied);
        assertEquals(Json.write(copied), Json.write(shared), "same members in the same order");
        assertEquals(names(copied), names(shared));
        assertEquals(copied.size(), shared.size());
        assertEquals(before, Json.write(base), "the base is never changed");
    }

    @Property(tries = 200)
    void changingASharedObjectLeavesItsBaseAlone(@ForAll("objects") JsonNode start, @ForAll("keys") List<String> keys) {
        ObjectNode base = (ObjectNode) start;
        String before = Json.write(base);
        ObjectNode shared = SharedObjectNode.with(base, "added", Json.NODES.numberNode(1));
        for (String key : keys) {
            shared.remove(key);
            shared.put(key + "x", true);
        }
        assertEquals(before, Json.write(base));
        for (String key : keys) {
            assertEquals(true, shared.get(key + "x").asBoolean());
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }

    @Provide
    Arbitrary<JsonNode> objects() {
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(2),
                JsonArbitraries.values(1)).ofMaxSize(6).map(members -> {
                    ObjectNode node = Json.NODES.objectNode();
                    members.forEach(node::set);
                    return node;
                });
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(2).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return JsonArbitraries.values(1);
    }
}
