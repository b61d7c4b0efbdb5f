package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

/** One side of a filter comparison: a literal, or a path from {@code @} (the tested node) or {@code $}. */
abstract class Operand {

    /** The operand's value, or null when its path finds nothing. */
    abstract JsonNode value(JsonNode current, JsonNode root);

    /** Whether this operand is a path, which a filter may test for existence on its own. */
    abstract boolean isPath();

    static final class Literal extends Operand {
        private final JsonNode value;

        Literal(JsonNode value) {
            this.value = value;
        }

        @Override
        JsonNode value(JsonNode current, JsonNode root) {
            return value;
        }

        @Override
        boolean isPath() {
            return false;
        }
    }

    static final class PathOperand extends Operand {
        private final CompiledPath path;
        private final boolean fromRoot;

        PathOperand(CompiledPath path, boolean fromRoot) {
            this.path = path;
            this.fromRoot = fromRoot;
        }

        @Override
        JsonNode value(JsonNode current, JsonNode root) {
            return path.read(fromRoot ? root : current, root);
        }

        @Override
        boolean isPath() {
            return true;
        }
    }
}
