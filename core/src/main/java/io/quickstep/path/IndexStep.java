package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quickstep.json.Json;

/** {@code [n]}: one element of an array; a negative index counts from the end. */
final class IndexStep extends WritableStep {
    private final int index;

    IndexStep(int index) {
        this.index = index;
    }

    @Override
    boolean reference() {
        return index >= 0;
    }

    @Override
    JsonNode select(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        int at = index < 0 ? node.size() + index : index;
        return at < 0 ? null : node.get(at);
    }

    /** A write may only replace an element that exists: arrays are never grown. */
    @Override
    boolean canWriteInto(JsonNode container) {
        return container != null && container.isArray() && index < container.size();
    }

    @Override
    JsonNode replaceIn(JsonNode container, JsonNode child) {
        ArrayNode copy = Json.NODES.arrayNode(container.size());
        copy.addAll((ArrayNode) container);
        copy.set(index, child);
        return copy;
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append('[').append(index).append(']');
    }
}
