package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.path.PathScope;

/** The outermost call of an expression; a failure anywhere in the tree names the whole expression. */
final class CompiledIntrinsic implements Intrinsic {
    private final String text;
    private final Argument call;

    CompiledIntrinsic(String text, Argument call) {
        this.text = text;
        this.call = call;
    }

    @Override
    public JsonNode evaluate(PathScope scope) {
        try {
            return call.evaluate(scope);
        } catch (IntrinsicError e) {
            throw new ExecutionFailure(StatesErrors.RUNTIME,
                    "The function '" + text + "' had the following error: " + e.getMessage());
        }
    }

    @Override
    public boolean readsContext() {
        return call.readsContext();
    }

    @Override
    public String toString() {
        return text;
    }
}
