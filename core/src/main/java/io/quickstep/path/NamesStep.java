package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/**
 * {@code ['a','b']} as the last step: as in Jayway JsonPath, a new object holding those of the
 * listed members that exist. (Jayway allows several names only at the end of a path.)
 */
final class NamesStep extends Step {
    private final String[] names;

    NamesStep(String[] names) {
        this.names = names;
    }

    @Override
    boolean definite() {
        return true;
    }

    @Override
    JsonNode select(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        ObjectNode merged = Json.NODES.objectNode();
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null) {
                merged.set(name, value);
            }
        }
        return merged;
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append('[');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendQuoted(out, names[i]);
        }
        out.append(']');
    }
}
