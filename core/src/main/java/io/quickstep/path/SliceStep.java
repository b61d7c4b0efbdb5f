package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code [from:to]}, {@code [from:]} or {@code [:to]}: array elements from {@code from} (inclusive)
 * to {@code to} (exclusive). A negative bound counts from the end; bounds are clamped to the array.
 */
final class SliceStep extends Step {
    private final Integer from;
    private final Integer to;

    SliceStep(Integer from, Integer to) {
        this.from = from;
        this.to = to;
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
        int size = node.size();
        int start = from == null ? 0 : clamp(from, size);
        int end = to == null ? size : clamp(to, size);
        for (int i = start; i < end; i++) {
            out.add(node.get(i));
        }
    }

    private static int clamp(int bound, int size) {
        int at = bound < 0 ? size + bound : bound;
        return Math.max(0, Math.min(size, at));
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append('[').append(from == null ? "" : from).append(':').append(to == null ? "" : to).append(']');
    }
}
