package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.PathScope;

/** A call of one of the functions other than States.Format: arguments first, left to right. */
final class Call extends Argument {
    private final Function function;
    private final Argument[] arguments;

    Call(Function function, Argument[] arguments) {
        this.function = function;
        this.arguments = arguments;
    }

    @Override
    JsonNode evaluate(PathScope scope) {
        JsonNode[] values = new JsonNode[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].evaluate(scope);
        }
        return function.apply(values);
    }

    @Override
    boolean readsContext() {
        return anyReadsContext(arguments);
    }
}
