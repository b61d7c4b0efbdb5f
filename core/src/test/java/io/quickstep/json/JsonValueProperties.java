package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.JsonEquality;
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
        // Equal as JSON: numbers by value, whichever node class holds them.
        assertTrue(JsonEquality.equal(value, Json.parse(Json.write(value))), value::toString);
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
        return JsonArbitraries.values(4);
    }
}
