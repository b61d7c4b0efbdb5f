package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Timestamps;

import java.util.List;

/** Wait states: how long, given by exactly one of four fields. */
final class WaitRules {
    /** In the order AWS lists them. */
    private static final List<String> DURATIONS = List.of("SecondsPath", "Seconds", "TimestampPath", "Timestamp");
    private static final long MAX_SECONDS = 99_999_999;

    private WaitRules() {
    }

    static void check(StateNode state) {
        Fields fields = state.fields;
        long given = DURATIONS.stream().filter(fields::has).count();
        if (given > 1) {
            fields.error(Messages.onlyOne(DURATIONS));
        } else if (given == 0) {
            fields.error(Messages.exactlyOne(DURATIONS));
        }
        fields.integer("Seconds", 0, MAX_SECONDS, state.language);
        timestamp(state);
        for (String path : List.of("SecondsPath", "TimestampPath")) {
            if (state.uses(path)) {
                PathRules.referencePath(fields, path, false);
            }
        }
    }

    /** A JSONata state may compute the timestamp; otherwise it must be RFC 3339 text already. */
    private static void timestamp(StateNode state) {
        JsonNode value = state.fields.get("Timestamp");
        if (value == null || state.language == QueryLanguage.JSONATA && QueryLanguage.isExpression(value)) {
            return;
        }
        String text = state.fields.string("Timestamp");
        if (text != null && Timestamps.parse(text) == null) {
            state.fields.error("Timestamp", Messages.RFC3339);
        }
    }
}
