package io.quickstep.jsonata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** A scope for tests: {@code $states} and the variables given as JSON text. */
record MapScope(JsonNode states, Map<String, JsonNode> variables) implements JsonataScope {

    static MapScope input(String inputJson) {
        return new MapScope(Json.NODES.objectNode().set("input", json(inputJson)), Map.of());
    }

    static MapScope empty() {
        return input("{}");
    }

    /** This scope with {@code $name} set to the JSON value {@code valueJson}. */
    MapScope with(String name, String valueJson) {
        Map<String, JsonNode> more = new HashMap<>(variables);
        more.put(name, json(valueJson));
        return new MapScope(states, more);
    }

    @Override
    public JsonNode variable(String name) {
        return variables.get(name);
    }

    /** The value of {@code {% text %}} in this scope, null when undefined. */
    JsonNode eval(String text) {
        return JsonataExpression.compile(text).evaluate(this, "Output");
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
