package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.JsonataField;
import io.quickstep.jsonata.JsonataErrors;

/** Number fields given as JSONata expressions (Seconds, TimeoutSeconds, MaxConcurrency, ...). */
final class JsonataNumbers {
    private JsonataNumbers() {
    }

    /** The field's value as an integer, at least 1 (or 0 when {@code zeroAllowed}). */
    static long positiveInteger(JsonataField field, Frame frame, boolean zeroAllowed) {
        JsonNode value = field.evaluate(frame);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()
                || value.longValue() < (zeroAllowed ? 0 : 1)) {
            throw JsonataErrors.unexpectedType(field.text(), field.field(), zeroAllowed ? "non-negative integer"
                    : "positive integer", value);
        }
        return value.longValue();
    }

    /** The field's value as a number. */
    static double number(JsonataField field, Frame frame) {
        JsonNode value = field.evaluate(frame);
        if (!value.isNumber()) {
            throw JsonataErrors.unexpectedType(field.text(), field.field(), "number", value);
        }
        return value.doubleValue();
    }
}
