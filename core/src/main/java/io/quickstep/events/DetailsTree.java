package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/** An event's details as the tree GetExecutionHistory gives, the data as JSON values. */
final class DetailsTree implements DetailsWriter {
    private final ObjectNode node = Json.NODES.objectNode();

    ObjectNode node() {
        return node;
    }

    @Override
    public void text(String field, String value) {
        node.put(field, value);
    }

    @Override
    public void number(String field, long value) {
        node.put(field, value);
    }

    @Override
    public void data(String field, JsonNode value) {
        node.set(field, value == null ? Json.NODES.nullNode() : value);
        node.putObject(field + "Details").put("truncated", false);
    }

    @Override
    public void parameters(JsonNode value) {
        node.set("parameters", value);
    }
}
