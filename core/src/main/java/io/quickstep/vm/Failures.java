package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.FailSpec;
import io.quickstep.compiler.PayloadTemplate;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;

/** Fail states: the error and cause they end the execution with. */
final class Failures {
    private Failures() {
    }

    static ExecutionFailure fail(FailSpec spec, Frame frame, JsonNode input) {
        String error = spec.errorPath() != null ? text(spec.errorPath(), frame, input)
                : spec.errorExpression() != null ? text(spec.errorExpression().evaluate(frame)) : spec.error();
        String cause = spec.causePath() != null ? text(spec.causePath(), frame, input)
                : spec.causeExpression() != null ? text(spec.causeExpression().evaluate(frame)) : spec.cause();
        return new ExecutionFailure(error, cause);
    }

    private static String text(PayloadTemplate selector, Frame frame, JsonNode input) {
        frame.scopeInput = input;
        return text(selector.evaluate(frame));
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : Json.write(value);
    }
}
