package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A growable byte array that JSON text is written into and read from in place: raw bytes, numbers
 * in ASCII, strings escaped as JSON strings in UTF-8, and JSON values. For {@link CloudWatchWriter}.
 */
final class JsonBytes extends OutputStream {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** The digits of the longest long. */
    private static final int DIGITS = 19;

    byte[] buffer = new byte[4096];
    int size;

    @Override
    public void write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        raw(bytes, offset, length);
    }

    void raw(byte[] bytes) {
        raw(bytes, 0, bytes.length);
    }

    void raw(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** Text known to be ASCII, unquoted. */
    void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    /** Writes what it holds to {@code out}. */
    void writeTo(OutputStream out) throws java.io.IOException {
        out.write(buffer, 0, size);
    }

    /** A number in decimal ASCII. */
    void digits(long value) {
        if (value < 0) {
            write('-');
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value).substring(1));
                return;
            }
            value = -value;
        }
        ensure(DIGITS);
        // Written backwards at the far end of the room, then moved down: one division per digit,
        // on ints where the number fits (a long division costs several times more).
        int end = size + DIGITS;
        int at = end;
        while (value > Integer.MAX_VALUE) {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        int small = (int) value;
        do {
            buffer[--at] = (byte) ('0' + small % 10);
            small /= 10;
        } while (small > 0);
        System.arraycopy(buffer, at, buffer, size, end - at);
        size += end - at;
    }

    /** A string, quoted and escaped as JSON does, in UTF-8. */
    void string(String text) {
        write('"');
        // At most six bytes per char (a \\u escape): no char below needs to check for room.
        ensure(text.length() * 6 + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escape((byte) c);
            } else if (c < 0x20) {
                control(c);
            } else if (c < 0x80) {
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | c >> 6);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                buffer[size++] = (byte) (0xF0 | point >> 18);
                buffer[size++] = (byte) (0x80 | point >> 12 & 0x3F);
                buffer[size++] = (byte) (0x80 | point >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | point & 0x3F);
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c); // a lone surrogate has no UTF-8 form
            } else {
                buffer[size++] = (byte) (0xE0 | c >> 12);
                buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        write('"');
    }

    /**
     * A value as compact JSON text, as {@link Json#write} writes it (binary and other exotic nodes
     * by Jackson itself).
     */
    void value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                write('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!first) {
                        write(',');
                    }
                    first = false;
                    string(field.getKey());
                    write(':');
                    value(field.getValue());
                }
                write('}');
            }
            case ARRAY -> {
                write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        write(',');
                    }
                    value(node.get(i));
                }
                write(']');
            }
            case STRING -> string(node.textValue());
            case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> raw(NULL);
            default -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    digits(node.longValue());
                } else if (node.isNumber()) {
                    ascii(node.asText()); // as Jackson writes a number: BigDecimal.toString, Double.toString
                } else {
                    raw(Json.write(node).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /**
     * JSON text (UTF-8, as a JSON writer makes it: no raw control characters) escaped to be the
     * content of a JSON string: each {@code "} and {@code \} gets a backslash; the rest is copied.
     */
    void escapedText(byte[] json, int length) {
        ensure(length * 2);
        for (int i = 0; i < length; i++) {
            byte b = json[i];
            if (b == '"' || b == '\\') {
                buffer[size++] = '\\';
            }
            buffer[size++] = b;
        }
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void escape(byte c) {
        buffer[size++] = '\\';
        buffer[size++] = c;
    }

    private void control(char c) {
        switch (c) {
            case '\n' -> escape((byte) 'n');
            case '\t' -> escape((byte) 't');
            case '\r' -> escape((byte) 'r');
            case '\b' -> escape((byte) 'b');
            case '\f' -> escape((byte) 'f');
            default -> unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        buffer[size++] = '\\';
        buffer[size++] = 'u';
        buffer[size++] = HEX[c >> 12];
        buffer[size++] = HEX[c >> 8 & 0xF];
        buffer[size++] = HEX[c >> 4 & 0xF];
        buffer[size++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
