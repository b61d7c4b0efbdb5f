package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.WaitSpec;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.json.Timestamps;
import io.quickstep.jsonata.JsonataErrors;

import java.time.Instant;

/** Wait states: for a number of seconds or until a timestamp, given literally or by path. */
final class Waits {
    private Waits() {
    }

    /** When the Wait state ends, on the execution's clock. */
    static long wakeAt(WaitSpec spec, Frame frame, JsonNode input) {
        Execution execution = frame.execution;
        long millis;
        if (spec.seconds() != null) {
            millis = spec.seconds() * 1000L;
        } else if (spec.secondsExpression() != null) {
            millis = JsonataNumbers.positiveInteger(spec.secondsExpression(), frame, true) * 1000L;
        } else if (spec.timestampExpression() != null) {
            JsonNode timestamp = spec.timestampExpression().evaluate(frame);
            Instant until = Timestamps.of(timestamp);
            if (until == null) {
                throw JsonataErrors.invalidTimestamp(text(timestamp));
            }
            millis = untilMillis(until, execution);
        } else if (spec.timestamp() != null) {
            // Validated as a timestamp of the same grammar, so it parses.
            millis = untilMillis(Timestamps.parse(spec.timestamp()), execution);
        } else if (spec.secondsPath() != null) {
            frame.scopeInput = input;
            JsonNode seconds = spec.secondsPath().read(frame);
            if (seconds == null) {
                // AWS's words for a SecondsPath that selects nothing (recorded in the logs cases).
                throw new ExecutionFailure(StatesErrors.RUNTIME, "The SecondsPath parameter does not reference an "
                        + "input value: " + spec.secondsPath().text());
            }
            if (!seconds.canConvertToExactIntegral() || !seconds.canConvertToLong()) {
                throw new ExecutionFailure(StatesErrors.RUNTIME, "The SecondsPath parameter cannot be parsed as a "
                        + "long value: " + spec.secondsPath().text() + " == " + text(seconds));
            }
            millis = seconds.longValue() * 1000L;
        } else {
            JsonNode timestamp = Paths.select(spec.timestampPath(), input, frame);
            Instant until = Timestamps.of(timestamp);
            if (until == null) {
                throw new ExecutionFailure(StatesErrors.RUNTIME, "The TimestampPath parameter does not reference a "
                        + "valid ISO-8601 extended offset date-time format string: " + spec.timestampPath().text()
                        + " == " + text(timestamp));
            }
            millis = untilMillis(until, execution);
        }
        return execution.clock.millis() + Math.max(0, millis);
    }

    private static long untilMillis(Instant until, Execution execution) {
        return until.toEpochMilli() - execution.clock.millis();
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : Json.write(value);
    }
}
