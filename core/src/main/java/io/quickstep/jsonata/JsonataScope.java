package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

/** What a JSONata expression can see while it is evaluated. */
public interface JsonataScope {

    /** The {@code $states} object: {@code input}, {@code context} and, where they exist, {@code result}, {@code errorOutput}. */
    JsonNode states();

    /** The workflow variable {@code $name}, or null when no such variable is visible. */
    JsonNode variable(String name);
}
