package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled JSONPath in the subset AWS Step Functions accepts, with Jayway JsonPath semantics.
 * The root is {@code $} (the state input), {@code $$} (the context object) or {@code $name} (a
 * variable); then names ({@code .a}, {@code ['a b']}), indexes ({@code [0]}, {@code [-1]}),
 * wildcards, deep scans ({@code ..}), index unions, slices and filters. A path is parsed once;
 * reading walks the compiled steps and never re-parses.
 */
public final class JsonPath {

    enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final CompiledPath path;
    private final boolean reference;

    JsonPath(String text, Root root, String variable, CompiledPath path) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.path = path;
        this.reference = path.reference();
    }

    /** Parses {@code text}; throws {@link PathSyntaxException} naming the path and the position of the fault. */
    public static JsonPath compile(String text) {
        return PathParser.parse(text);
    }

    /** The text the path was compiled from. */
    public String text() {
        return text;
    }

    /** Only names and non-negative indexes after the root: usable where AWS wants a reference path. */
    public boolean isReferencePath() {
        return reference;
    }

    /** Whether the path selects at most one value, so that {@link #read} returns it rather than an array. */
    public boolean isDefinite() {
        return path.definite();
    }

    /** Whether the path starts with {@code $$}. */
    public boolean isContextPath() {
        return root == Root.CONTEXT;
    }

    /** For a {@code $name...} path the variable's name, else null. */
    public String variableName() {
        return variable;
    }

    /**
     * Reads from the root the path names: the input, the context object or the variable. Returns
     * null when nothing matches (missing member, index out of range, wrong type, variable not
     * visible). An indefinite path returns an array of its matches, empty when nothing matched,
     * and null only when its definite prefix finds nothing.
     */
    public JsonNode read(PathScope scope) {
        JsonNode start;
        switch (root) {
            case CONTEXT:
                start = scope.context();
                break;
            case VARIABLE:
                start = scope.variable(variable);
                break;
            default:
                start = scope.input();
        }
        return start == null ? null : path.read(start, start);
    }

    /** As {@link #read(PathScope)}, from {@code root} whatever root the path names. */
    public JsonNode read(JsonNode root) {
        return path.read(root, root);
    }

    /**
     * For ResultPath: a new root in which the value at this reference path is {@code value}.
     * Missing object members along the way are created as objects; {@code $} yields {@code value}
     * itself. Returns null when the path cannot be applied: a value on the way is not an object
     * where a name follows, or an index does not point into an existing array element. Only the
     * containers on the path are copied; everything else is shared with {@code root}.
     *
     * @throws IllegalStateException when this is not a reference path
     */
    public JsonNode write(JsonNode root, JsonNode value) {
        if (!reference) {
            throw new IllegalStateException("'" + text + "' is not a reference path");
        }
        return path.write(root, value);
    }

    /**
     * The path in the bracket form Jayway JsonPath prints in its messages, from a {@code $} root:
     * {@code $.a.b[0]} is {@code $['a']['b'][0]}, as in AWS's "No results for path: $['a']['b'][0]".
     */
    public String normalized() {
        StringBuilder out = new StringBuilder("$");
        path.appendNormalized(out);
        return out.toString();
    }

    /**
     * Why this path finds nothing in {@code root}, in the words AWS quotes from Jayway JsonPath:
     * {@code No results for path: $['a']['b']} when only the last step is missing,
     * {@code Missing property in path $['a']} when an earlier one is.
     */
    public String explainMissing(JsonNode root) {
        return path.explainMissing(root);
    }

    @Override
    public String toString() {
        return text;
    }
}
