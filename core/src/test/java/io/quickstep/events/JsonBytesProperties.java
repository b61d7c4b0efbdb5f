package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.json.JsonArbitraries;
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
    void shouldWriteAValueAsJacksonDoes(@ForAll("values") JsonNode value) {
        JsonBytes bytes = new JsonBytes();
        bytes.value(value);
        assertEquals(Json.write(value), new String(bytes.toByteArray(), StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void shouldEscapeJsonTextAsAStringOfIt(@ForAll("values") JsonNode value) throws Exception {
        JsonBytes text = new JsonBytes();
        text.value(value);
        JsonBytes escaped = new JsonBytes();
        escaped.write('"');
        escaped.escapedText(text.buffer, text.size);
        escaped.write('"');
        assertEquals(Json.write(value), Json.parse(escaped.toByteArray()).textValue());
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
