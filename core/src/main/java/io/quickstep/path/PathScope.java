package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a path can read: the state input ({@code $}), the context object ({@code $$}) and
 * workflow variables ({@code $name}).
 */
public interface PathScope {
    JsonNode input();

    JsonNode context();

    /** The variable's value, or null when no variable of that name is visible. */
    JsonNode variable(String name);
}
