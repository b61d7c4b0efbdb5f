package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code [?(...)]}: the elements of an array, or an object itself, that satisfy the predicate.
 * Right after {@code ..} it tests each scanned object itself, never the elements of an array:
 * Jayway tests the filter against every object on its walk, so each match is found once.
 */
final class FilterStep extends Step {
    private final Predicate predicate;
    private final boolean afterScan;

    FilterStep(Predicate predicate, boolean afterScan) {
        this.predicate = predicate;
        this.afterScan = afterScan;
    }

    @Override
    boolean definite() {
        return false;
    }

    @Override
    void collect(JsonNode node, JsonNode root, List<JsonNode> out) {
        if (node.isArray() && !afterScan) {
            for (JsonNode item : node) {
                if (predicate.test(item, root)) {
                    out.add(item);
                }
            }
        } else if (node.isObject() && predicate.test(node, root)) {
            out.add(node);
        }
    }

    @Override
    void appendNormalized(StringBuilder out) {
        out.append("[?]");
    }
}
