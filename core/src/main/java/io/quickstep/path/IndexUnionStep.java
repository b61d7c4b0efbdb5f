package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code [i,j,...]}: the listed array elements in the listed order; absent ones are skipped. */
final class IndexUnionStep extends Step {
    private final int[] indexes;

    IndexUnionStep(int[] indexes) {
        this.indexes = indexes;
    }

    @Override
    boolean definite() {
        return false;
    }

    @Override
    void collect(JsonNode node, JsonNode root, List<JsonNode> out) {
        if (!node.isArray()) {
            return;
        }
        for (int index : indexes) {
            int at = index < 0 ? node.size() + index : index;
            if (at >= 0 && at < node.size()) {
                out.add(node.get(at));
            }
        }
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append('[');
        for (int i = 0; i < indexes.length; i++) {
            out.append(i == 0 ? "" : ",").append(indexes[i]);
        }
        out.append(']');
    }
}
