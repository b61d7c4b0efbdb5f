package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.StateInfo;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** AWS's payload limit: 256 KiB of UTF-8 JSON for any state output, task result or input. */
public final class DataLimit {
    public static final int MAX_BYTES = 256 * 1024;

    private DataLimit() {
    }

    static void check(JsonNode output, StateInfo state) {
        if (exceeds(output)) {
            throw exceeded(state.name());
        }
    }

    static ExecutionFailure exceeded(String stateOrTask) {
        return new ExecutionFailure(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + stateOrTask
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /** Whether the value's compact JSON text is larger than the limit; stops counting once it is. */
    public static boolean exceeds(JsonNode value) {
        return size(value, 0) > MAX_BYTES;
    }

    /** Adds the value's approximate serialized size to {@code total}, stopping early past the limit. */
    private static long size(JsonNode value, long total) {
        if (total > MAX_BYTES) {
            return total;
        }
        switch (value.getNodeType()) {
            case OBJECT: {
                total += 2;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext() && total <= MAX_BYTES; ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    total = size(field.getValue(), total + utf8Length(field.getKey()) + 4);
                }
                return total;
            }
            case ARRAY: {
                total += 2;
                for (int i = 0; i < value.size() && total <= MAX_BYTES; i++) {
                    total = size(value.get(i), total + 1);
                }
                return total;
            }
            case STRING:
                return total + utf8Length(value.textValue()) + 2;
            default:
                return total + value.asText().length();
        }
    }

    private static long utf8Length(String text) {
        // Most text is ASCII: count bytes only when a character needs more than one.
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }
}
