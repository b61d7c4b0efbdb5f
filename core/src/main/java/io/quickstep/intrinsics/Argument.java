package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.PathScope;

/** A node of a compiled call tree: a literal, a path, or a nested call. */
abstract class Argument {

    /** The argument's value; throws {@link IntrinsicError} on failure. */
    abstract JsonNode evaluate(PathScope scope);

    /** Whether this argument, or one inside it, is a path into the context object. */
    abstract boolean readsContext();

    static boolean anyReadsContext(Argument[] arguments) {
        for (Argument argument : arguments) {
            if (argument.readsContext()) {
                return true;
            }
        }
        return false;
    }
}
