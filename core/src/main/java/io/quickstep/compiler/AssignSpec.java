package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A state's (or Choice rule's, or Catch rule's) Assign: a JSONPath template, whose {@code $} is
 * the state's result when it has one ({@code fromResult}) or else its effective input, or a JSONata
 * template, which reads {@code $states}. Exactly one of the two is set.
 */
public record AssignSpec(PayloadTemplate jsonPath, boolean fromResult, JsonataField jsonata) {

    /** The assignments, as an object of variable names and values. */
    public JsonNode evaluate(EvaluationScope scope) {
        return jsonata != null ? jsonata.evaluate(scope) : jsonPath.evaluate(scope);
    }
}
