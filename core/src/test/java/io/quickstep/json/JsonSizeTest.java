package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonSizeTest {

    /** Objects nested {@code depth} deep, {@code {"a":{"a":...{}}}}, built in code. */
    private static JsonNode nested(int depth) {
        ObjectNode root = Json.NODES.objectNode();
        ObjectNode innermost = root;
        for (int i = 1; i < depth; i++) {
            innermost = innermost.putObject("a");
        }
        return root;
    }

    @Test
    void aValueAsDeepAsJsonTextMayBeIsMeasured() {
        JsonNode deepest = nested(Json.MAX_NESTING_DEPTH);
        assertEquals(Json.write(deepest).length(), JsonSize.of(deepest, Long.MAX_VALUE));
    }

    @Test
    void aDeeperValueExceedsAnyCapWithoutExhaustingTheStack() {
        assertEquals(1_000_001, JsonSize.of(nested(Json.MAX_NESTING_DEPTH + 1), 1_000_000));
        assertEquals(1_000_001, JsonSize.of(nested(200_000), 1_000_000));
        assertEquals(Long.MAX_VALUE, JsonSize.of(nested(200_000), Long.MAX_VALUE));
    }
}
