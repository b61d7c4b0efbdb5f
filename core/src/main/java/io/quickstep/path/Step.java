package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One segment of a compiled path. A definite step selects at most one node ({@link #select});
 * every step can also add its matches to a list ({@link #collect}), which is how steps at or after
 * the first indefinite one are evaluated. Missing or mistyped nodes are never errors, just no match.
 */
abstract class Step {

    /** Selects at most one node per input, so a path made only of such steps yields one value. */
    abstract boolean definite();

    /** A step that {@code ResultPath}-style writes can follow: a name or a non-negative index. */
    boolean reference() {
        return false;
    }

    /** The one node this definite step selects from {@code node}, or null. */
    JsonNode select(JsonNode node) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not definite");
    }

    /**
     * Adds the nodes this step selects from {@code node} to {@code out}; {@code root} is the
     * document the whole path reads, which {@code $} inside a filter refers to.
     */
    void collect(JsonNode node, JsonNode root, List<JsonNode> out) {
        JsonNode selected = select(node);
        if (selected != null) {
            out.add(selected);
        }
    }

    /** Appends this step in the bracket form Jayway JsonPath prints, e.g. {@code ['a']} or {@code [0]}. */
    abstract void appendNormalized(StringBuilder out);

    /** Appends a name quoted as Jayway prints it: single quotes, nothing escaped. */
    static void appendQuoted(StringBuilder out, String name) {
        out.append('\'').append(name).append('\'');
    }
}
