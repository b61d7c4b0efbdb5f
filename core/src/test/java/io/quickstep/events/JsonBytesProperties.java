package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonArbitraries;
import io.quickstep.json.SharedObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonBytesProperties {
    @Provide
    Arbitrary<JsonNode> values() {
        return JsonArbitraries.values(4, '"', '\\', '\n', '\u0001', 'é', '\u2028', '\u0010');
    }

    @Property(tries = 300)
    void shouldWriteAValueAsAStringOfTheTextJacksonWrites(@ForAll("values") JsonNode value) throws Exception {
        assertEquals(Json.write(value), Json.parse(asString(value)).textValue());
    }

    @Property(tries = 300)
    void shouldWriteAnObjectThatAddsToAnotherAsItsCopy(@ForAll("values") JsonNode value,
                                                        @ForAll("values") JsonNode added) throws Exception {
        ObjectNode base = Json.NODES.objectNode().set("\"base\"", value);
        ObjectNode extended = SharedObjectNode.with(SharedObjectNode.with(base, "a\\", added), "b", value);
        ObjectNode replaced = SharedObjectNode.with(extended, "\"base\"", added);
        for (ObjectNode shared : new ObjectNode[] {extended, replaced}) {
            assertEquals(Json.write(shared.deepCopy()), Json.parse(asString(shared)).textValue());
        }
    }

    private static byte[] asString(JsonNode value) {
        JsonBytes escaped = new JsonBytes();
        escaped.write('"');
        escaped.escapedValue(value, new WrittenForms(JsonBytes::escapedName));
        escaped.write('"');
        return escaped.toByteArray();
    }

    @Test
    void shouldEscapeALoneSurrogate() throws Exception {
        JsonBytes bytes = new JsonBytes();
        bytes.string("a\uD83Db");
        assertEquals("a\uD83Db", Json.parse(bytes.toByteArray()).textValue());
    }

    @Test
    void shouldMakeRoomForEscapesAndWideCharsTogether() throws Exception {
        String text = "\u0001".repeat(700) + "\u2713".repeat(1200);
        JsonBytes bytes = new JsonBytes();
        bytes.string(text);
        bytes.digits(Long.MAX_VALUE);
        bytes.digits(-42);
        bytes.digits(0);
        String written = new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(text, Json.parse(written.substring(0, written.lastIndexOf('"') + 1)).textValue());
        assertEquals(Long.MAX_VALUE + "-420", written.substring(written.lastIndexOf('"') + 1));
    }
}
