package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code ..}: the node itself and all its descendants, in document order (a node before its
 * children). The step after it is then applied to each of them, which reproduces Jayway's
 * recursive walk: {@code $..a} finds an outer {@code a} before the {@code a}s nested inside it.
 */
final class DeepScanStep extends Step {

    @Override
    boolean definite() {
        return false;
    }

    @Override
    void collect(JsonNode node, JsonNode root, List<JsonNode> out) {
        out.add(node);
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collect(child, root, out);
            }
        }
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append("..");
    }
}
