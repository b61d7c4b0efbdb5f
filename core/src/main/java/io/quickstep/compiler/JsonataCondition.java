package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.jsonata.JsonataErrors;

/** A JSONata Choice rule's {@code Condition}: an expression that must evaluate to a boolean. */
final class JsonataCondition implements ChoiceCondition {
    private final JsonataField condition;

    JsonataCondition(JsonataField condition) {
        this.condition = condition;
    }

    @Override
    public boolean test(EvaluationScope scope) {
        JsonNode value = condition.evaluate(scope);
        if (!value.isBoolean()) {
            throw JsonataErrors.unexpectedType(condition.text(), condition.field(), "boolean", value);
        }
        return value.booleanValue();
    }
}
