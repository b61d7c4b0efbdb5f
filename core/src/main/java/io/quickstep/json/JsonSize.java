package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The size of a value's compact JSON text in UTF-8 bytes, as AWS counts payloads against its
 * limits. Counting stops once it passes a cap, so a huge value costs no more than the cap.
 * String escapes are not counted: the figure may be a few bytes under the true length.
 *
 * <p>A value whose containers nest deeper than {@link Json#MAX_NESTING_DEPTH} counts as exceeding
 * every cap: {@link Json#parse} refuses JSON text that deep, so no payload read from text can be such
 * a value. This also bounds the recursion of the count, whatever tree it is given.
 */
public final class JsonSize {
    private JsonSize() {
    }

    /**
     * The size of {@code value}, or some number above {@code cap} once it is known to exceed it or
     * the value is found to nest too deeply (for a cap of {@link Long#MAX_VALUE}, that number).
     */
    public static long of(JsonNode value, long cap) {
        return add(value, 0, cap, 1);
    }

    /** Adds the size of {@code value}, a container at nesting {@code depth} (the root is 1), to {@code total}. */
    private static long add(JsonNode value, long total, long cap, int depth) {
        if (total > cap) {
            return total;
        }
        if (value.isContainerNode() && depth > Json.MAX_NESTING_DEPTH) {
            return cap == Long.MAX_VALUE ? cap : cap + 1;
        }
        switch (value.getNodeType()) {
            case OBJECT: {
                // Braces, then per field: quotes, colon and a comma before every field but the first.
                total += value.isEmpty() ? 2 : 1;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext() && total <= cap; ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    total = add(field.getValue(), total + utf8Length(field.getKey()) + 4, cap, depth + 1);
                }
                return total;
            }
            case ARRAY: {
                total += value.isEmpty() ? 2 : 1;
                for (int i = 0; i < value.size() && total <= cap; i++) {
                    total = add(value.get(i), total + 1, cap, depth + 1);
                }
                return total;
            }
            case STRING:
                return total + utf8Length(value.textValue()) + 2;
            case BOOLEAN:
                return total + (value.booleanValue() ? 4 : 5);
            case NULL:
                return total + 4;
            default:
                return total + (value.isIntegralNumber() && value.canConvertToLong()
                        ? digits(value.longValue()) : value.asText().length());
        }
    }

    /** The length of a long in decimal, its sign included, without making the text. */
    private static int digits(long number) {
        if (number == Long.MIN_VALUE) {
            return 20;
        }
        int length = number < 0 ? 2 : 1;
        for (long rest = Math.abs(number); rest >= 10; rest /= 10) {
            length++;
        }
        return length;
    }

    /**
     * The UTF-8 length of a key or string, counted without encoding it: what
     * {@code text.getBytes(UTF_8).length} gives (a lone surrogate is one byte, its replacement {@code ?}).
     */
    public static long utf8Length(String text) {
        int length = text.length();
        long bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 2; // two chars, four bytes
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            }
        }
        return bytes;
    }
}
