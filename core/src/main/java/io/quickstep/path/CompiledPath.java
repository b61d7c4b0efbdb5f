package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a path after its root, with the position of the first indefinite step. The
 * definite prefix is walked node to node without allocating; only an indefinite tail gathers
 * matches into lists.
 */
final class CompiledPath {
    private final Step[] steps;
    private final int firstIndefinite;

    CompiledPath(Step[] steps) {
        this.steps = steps;
        int i = 0;
        while (i < steps.length && steps[i].definite()) {
            i++;
        }
        this.firstIndefinite = i;
    }

    boolean definite() {
        return firstIndefinite == steps.length;
    }

    boolean reference() {
        for (Step step : steps) {
            if (!step.reference()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value at this path from {@code start}: the node for a definite path, an array of the
     * matches for an indefinite one (empty when its definite prefix finds nothing), null when a
     * definite path finds nothing.
     */
    JsonNode read(JsonNode start, JsonNode root) {
        JsonNode node = start;
        for (int i = 0; i < firstIndefinite && node != null; i++) {
            node = steps[i].select(node);
        }
        if (firstIndefinite == steps.length) {
            return node;
        }
        if (node == null) {
            // AWS: a wildcard, slice or filter below a missing member finds no matches, not an error.
            return Json.NODES.arrayNode();
        }
        List<JsonNode> current = List.of(node);
        for (int i = firstIndefinite; i < steps.length; i++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode each : current) {
                steps[i].collect(each, root, next);
            }
            current = next;
        }
        ArrayNode matches = Json.NODES.arrayNode(current.size());
        matches.addAll(current);
        return matches;
    }

    /** See {@link JsonPath#write}; only called on reference paths, whose steps are all writable. */
    JsonNode write(JsonNode root, JsonNode value) {
        return write(0, root, value);
    }

    private JsonNode write(int i, JsonNode node, JsonNode value) {
        if (i == steps.length) {
            return value;
        }
        WritableStep step = (WritableStep) steps[i];
        if (!step.canWriteInto(node)) {
            return null;
        }
        JsonNode child = write(i + 1, node == null ? null : step.select(node), value);
        return child == null ? null : step.replaceIn(node, child);
    }

    /**
     * Jayway's words for why a definite path finds nothing in {@code root}: "Missing property in
     * path $['a']" when a step before the last finds nothing, else "No results for path: ...".
     */
    String explainMissing(JsonNode root) {
        StringBuilder prefix = new StringBuilder("$");
        JsonNode node = root;
        for (int i = 0; i < firstIndefinite - 1; i++) {
            steps[i].appendNormalized(prefix);
            node = node == null ? null : steps[i].select(node);
            if (node == null) {
                return "Missing property in path " + prefix;
            }
        }
        StringBuilder whole = new StringBuilder("$");
        appendNormalized(whole);
        return "No results for path: " + whole;
    }

    void appendNormalized(StringBuilder out) {
        for (Step step : steps) {
            step.appendNormalized(out);
        }
    }
}
