package io.quickstep.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.math.BigDecimal;

/** Timestamps as the JSON 1.0 protocol carries them: epoch seconds with a fraction, as a JSON number. */
final class Dates {
    private Dates() {
    }

    static JsonNode epochSeconds(long millis) {
        return Json.NODES.numberNode(BigDecimal.valueOf(millis, 3));
    }

    /** Writes a timestamp as {@link #epochSeconds} makes it. */
    static void write(JsonGenerator json, long millis) throws IOException {
        if (millis < 0) {
            json.writeNumber(BigDecimal.valueOf(millis, 3));
            return;
        }
        // The same text as the BigDecimal's, without making one: seconds, a point, three digits.
        long fraction = millis % 1000;
        StringBuilder text = new StringBuilder(24).append(millis / 1000).append('.');
        if (fraction < 100) {
            text.append(fraction < 10 ? "00" : "0");
        }
        json.writeNumber(text.append(fraction).toString());
    }

    /** Epoch milliseconds of a stored timestamp (epoch seconds, as {@link #epochSeconds} writes it). */
    static long millis(JsonNode epochSeconds) {
        return epochSeconds.decimalValue().movePointRight(3).longValue();
    }
}
