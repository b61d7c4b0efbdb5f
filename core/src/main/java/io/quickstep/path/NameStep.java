package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.json.SharedObjectNode;

/** {@code .name} or {@code ['name']}: the member of an object. */
final class NameStep extends WritableStep {
    private final String name;

    NameStep(String name) {
        this.name = name;
    }

    @Override
    boolean reference() {
        return true;
    }

    @Override
    JsonNode select(JsonNode node) {
        return node.isObject() ? node.get(name) : null;
    }

    /** A write may go through a missing member (it is created) or through an object. */
    @Override
    boolean canWriteInto(JsonNode container) {
        return container == null || container.isObject();
    }

    /** A copy of {@code container} (or a new object when it is missing) with the member replaced. */
    @Override
    JsonNode replaceIn(JsonNode container, JsonNode child) {
        if (container == null) {
            ObjectNode created = Json.NODES.objectNode();
            created.set(name, child);
            return created;
        }
        return SharedObjectNode.with((ObjectNode) container, name, child);
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append('[');
        appendQuoted(out, name);
        out.append(']');
    }
}
