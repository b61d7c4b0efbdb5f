package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** A fixed {@link PathScope} for tests. */
public record TestScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) implements PathScope {

    public static TestScope of(JsonNode input) {
        return new TestScope(input, null, Map.of());
    }

    @Override
    public JsonNode variable(String name) {
        return variables.get(name);
    }
}
