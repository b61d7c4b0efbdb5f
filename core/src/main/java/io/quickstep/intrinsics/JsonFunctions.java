package io.quickstep.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonFunctions {

    private JsonFunctions() {
    }

    /** Parses the string; AWS answers null for an empty or blank one. */
    static JsonNode stringToJson(String name, JsonNode[] args) {
        String text = Args.string(args[0], name);
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw IntrinsicError.invalidArguments(name);
        }
    }

    static JsonNode jsonToString(String name, JsonNode[] args) {
        return Json.NODES.textNode(Text.json(args[0]));
    }

    /**
     * A shallow merge: the first object's members, replaced or extended by the second's. AWS only
     * supports the shallow mode, so the third argument must be {@code false}.
     */
    static JsonNode jsonMerge(String name, JsonNode[] args) {
        ObjectNode first = Args.object(args[0], name);
        ObjectNode second = Args.object(args[1], name);
        if (!args[2].isBoolean() || args[2].booleanValue()) {
            throw IntrinsicError.invalidArguments(name);
        }
        ObjectNode merged = Json.NODES.objectNode();
        merged.setAll(first);
        merged.setAll(second);
        return merged;
    }
}
