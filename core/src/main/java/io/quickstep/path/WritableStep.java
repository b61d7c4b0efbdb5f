package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

/** A definite step that a write can also go through: an object member or an array element. */
abstract class WritableStep extends Step {

    @Override
    final boolean definite() {
        return true;
    }

    /** Whether a write can continue through {@code container} (null when it is missing). */
    abstract boolean canWriteInto(JsonNode container);

    /** A copy of {@code container} with this step's child replaced by {@code child}; all else is shared. */
    abstract JsonNode replaceIn(JsonNode container, JsonNode child);
}
