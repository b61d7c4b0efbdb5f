package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.PathScope;

/** A string, number, boolean or null written in the call. */
final class Literal extends Argument {
    private final JsonNode value;
    private final String source;

    /**
     * @param source for a string literal, its text between the quotes with the escapes still in
     *               it (States.Format needs them to tell {@code \{} from a placeholder); else null
     */
    Literal(JsonNode value, String source) {
        this.value = value;
        this.source = source;
    }

    String source() {
        return source;
    }

    @Override
    JsonNode evaluate(PathScope scope) {
        return value;
    }

    @Override
    boolean readsContext() {
        return false;
    }
}
