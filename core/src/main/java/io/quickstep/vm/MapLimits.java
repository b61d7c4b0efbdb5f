package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.MapSpec;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;

/**
 * A Map state's run-time limits: MaxConcurrency and the tolerated failures, read from their
 * constant or Path forms and checked as AWS checks them.
 */
final class MapLimits {
    private final long count;
    private final double percentage;

    private MapLimits(long count, double percentage) {
        this.count = count;
        this.percentage = percentage;
    }

    boolean exceeded(int failures, int total) {
        return failures > count || failures * 100.0 / total > percentage;
    }

    /** MaxConcurrency (0 means unlimited); only validated here, as iterations run in order. */
    static long maxConcurrency(MapSpec spec, Frame frame, JsonNode input) {
        if (spec.maxConcurrencyPath() != null) {
            return integer(spec.maxConcurrencyPath(), "MaxConcurrencyPath", frame, input);
        }
        if (spec.jsonata() != null && spec.jsonata().maxConcurrency() != null) {
            return JsonataNumbers.positiveInteger(spec.jsonata().maxConcurrency(), frame, true);
        }
        return spec.maxConcurrency() == null ? 0 : spec.maxConcurrency().asLong();
    }

    /** The failure tolerance, or null when the state tolerates none (the first failure fails it). */
    static MapLimits tolerance(MapSpec spec, Frame frame, JsonNode input) {
        boolean hasCount = spec.toleratedFailureCount() != null || spec.toleratedFailureCountPath() != null;
        boolean hasPercentage = spec.toleratedFailurePercentage() != null
                || spec.toleratedFailurePercentagePath() != null;
        if (!hasCount && !hasPercentage) {
            return null;
        }
        long count = 0;
        MapSpec.JsonataExpressions jsonata = spec.jsonata();
        if (spec.toleratedFailureCountPath() != null) {
            count = integer(spec.toleratedFailureCountPath(), "ToleratedFailureCountPath", frame, input);
        } else if (jsonata != null && jsonata.toleratedFailureCount() != null) {
            count = JsonataNumbers.positiveInteger(jsonata.toleratedFailureCount(), frame, true);
        } else if (spec.toleratedFailureCount() != null) {
            count = spec.toleratedFailureCount().asLong();
        }
        double percentage = 0;
        if (spec.toleratedFailurePercentagePath() != null) {
            JsonNode value = Paths.select(spec.toleratedFailurePercentagePath(), input, frame);
            if (!value.isNumber()) {
                throw notA("ToleratedFailurePercentagePath", value, "float", spec.toleratedFailurePercentagePath());
            }
            percentage = value.asDouble();
        } else if (jsonata != null && jsonata.toleratedFailurePercentage() != null) {
            percentage = JsonataNumbers.number(jsonata.toleratedFailurePercentage(), frame);
        } else if (spec.toleratedFailurePercentage() != null) {
            percentage = spec.toleratedFailurePercentage().asDouble();
        }
        if (percentage < 0 || percentage > 100) {
            throw new ExecutionFailure(StatesErrors.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
        }
        if (count < 0) {
            throw new ExecutionFailure(StatesErrors.RUNTIME, "ToleratedFailureCount cannot be negative.");
        }
        // With only one of the two set, the other places no limit of its own.
        return new MapLimits(hasCount ? count : Long.MAX_VALUE, hasPercentage ? percentage : 100.0);
    }

    private static long integer(JsonPath path, String field, Frame frame, JsonNode input) {
        JsonNode value = Paths.select(path, input, frame);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw notA(field, value, "integer", path);
        }
        return value.longValue();
    }

    private static ExecutionFailure notA(String field, JsonNode value, String type, JsonPath path) {
        String text = value.isTextual() ? value.asText() : Json.write(value);
        return new ExecutionFailure(StatesErrors.RUNTIME, "The " + field + " field refers to value \"" + text
                + "\" which is not a valid " + type + ": " + path.text());
    }
}
