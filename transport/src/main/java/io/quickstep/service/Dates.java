package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.math.BigDecimal;

/** Timestamps as the JSON 1.0 protocol carries them: epoch seconds with a fraction, as a JSON number. */
final class Dates {
    private Dates() {
    }

    static JsonNode epochSeconds(long millis) {
        return Json.NODES.numberNode(BigDecimal.valueOf(millis, 3));
    }

    /** Epoch milliseconds of a stored timestamp (epoch seconds, as {@link #epochSeconds} writes it). */
    static long millis(JsonNode epochSeconds) {
        return epochSeconds.decimalValue().movePointRight(3).longValue();
    }
}
