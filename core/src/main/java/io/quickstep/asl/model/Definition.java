package io.quickstep.asl.model;

import java.util.Map;

/**
 * A state machine, or one Parallel branch or Map item processor: the states in definition order
 * and the one to start at.
 *
 * @param queryLanguage the language states default to: {@code JSONPath} or {@code JSONata}
 * @param timeoutSeconds the whole execution's limit, or null
 */
public record Definition(String startAt, Map<String, State> states, String queryLanguage, Integer timeoutSeconds) {
    public Definition {
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
    }
}
