package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code .*} or {@code [*]}: every member value of an object, every element of an array. */
final class WildcardStep extends Step {

    @Override
    boolean definite() {
        return false;
    }

    @Override
    void collect(JsonNode node, JsonNode root, List<JsonNode> out) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                out.add(child);
            }
        }
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append("[*]");
    }
}
