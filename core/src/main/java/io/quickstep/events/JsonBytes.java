package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.json.SharedObjectNode;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A growable byte array that JSON text is written into and read from in place: raw bytes, numbers
 * in ASCII, strings escaped as JSON strings in UTF-8, and JSON values written as the content of a
 * JSON string holding their text (what CloudWatch records carry). For {@link CloudWatchWriter}.
 */
final class JsonBytes extends OutputStream {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** A quote of JSON text, inside a JSON string. */
    private static final byte[] QUOTE = {'\\', '"'};
    /** The powers of ten an int reaches, for {@link #width}. */
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};
    /**
     * The most bytes one char of a string takes: a control char in a string of JSON text that is
     * itself in a string ({@code \\u0001}).
     */
    private static final int MAX_CHAR_BYTES = 7;

    byte[] buffer;
    int size;

    JsonBytes() {
        this(4096);
    }

    JsonBytes(int capacity) {
        buffer = new byte[capacity];
    }

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
        if (value < 0 || value > Integer.MAX_VALUE) {
            // Rare here: a slice's timestamp (made once per slice) or a large number in a value.
            ascii(Long.toString(value));
            return;
        }
        // Most numbers written are event ids: counted first, then written in place, on ints.
        int small = (int) value;
        int width = width(small);
        ensure(width);
        int end = size + width;
        int at = end;
        do {
            buffer[--at] = (byte) ('0' + small % 10);
            small /= 10;
        } while (small > 0);
        size = end;
    }

    /** A string, quoted and escaped as JSON does, in UTF-8. */
    void string(String text) {
        write('"');
        content(text, false);
        write('"');
    }

    /**
     * A value's compact JSON text (as {@link Json#write} writes it) escaped to be the content of a
     * JSON string, in one pass: the quotes of its strings and names come out as {@code \"}, and
     * what is escaped inside them escaped again. Names are written from {@code names}, which makes
     * them with {@link #escapedName}.
     */
    void escapedValue(JsonNode node, WrittenForms names) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                write('{');
                members((ObjectNode) node, true, names);
                write('}');
            }
            case ARRAY -> {
                write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        write(',');
                    }
                    escapedValue(node.get(i), names);
                }
                write(']');
            }
            case STRING -> {
                raw(QUOTE);
                content(node.textValue(), true);
                raw(QUOTE);
            }
            case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> raw(NULL);
            default -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    digits(node.longValue());
                } else if (node.isNumber()) {
                    ascii(node.asText()); // as Jackson writes a number: BigDecimal.toString, Double.toString
                } else {
                    content(Json.write(node), false);
                }
            }
        }
    }

    /**
     * A member's name as {@link #escapedValue} writes it, with its colon: {@code \"name\":}. What
     * a {@link WrittenForms} of names makes.
     */
    static byte[] escapedName(String name) {
        JsonBytes bytes = new JsonBytes(name.length() * MAX_CHAR_BYTES + 5);
        bytes.raw(QUOTE);
        bytes.content(name, true);
        bytes.raw(QUOTE);
        bytes.write(':');
        return bytes.toByteArray();
    }

    /**
     * An object's members, each after a comma unless {@code first}; an object that adds one member
     * to another is written as that one's members and then its own, without an iterator's entries.
     * Returns whether nothing was written.
     */
    private boolean members(ObjectNode node, boolean first, WrittenForms names) {
        if (node instanceof SharedObjectNode shared) {
            ObjectNode base = shared.extendedBase();
            if (base != null) {
                member(shared.addedName(), shared.addedValue(), members(base, first, names), names);
                return false;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            member(field.getKey(), field.getValue(), first, names);
            first = false;
        }
        return first;
    }

    private void member(String name, JsonNode value, boolean first, WrittenForms names) {
        if (!first) {
            write(',');
        }
        raw(names.of(name));
        escapedValue(value, names);
    }

    /**
     * A string's chars as JSON escapes them, in UTF-8; {@code nested}: escaped again, as a string of
     * JSON text inside a JSON string.
     */
    private void content(String text, boolean nested) {
        int length = text.length();
        ensure(length * MAX_CHAR_BYTES);
        // Locals, not fields, in the loop: no char below needs to check for room.
        byte[] b = buffer;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && c >= 0x20 && c != '"' && c != '\\') {
                b[at++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                if (nested) {
                    b[at++] = '\\';
                    b[at++] = '\\';
                    b[at++] = '\\';
                } else {
                    b[at++] = '\\';
                }
                b[at++] = (byte) c;
            } else if (c < 0x20) {
                at = control(b, at, c, nested);
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                b[at++] = (byte) (0xF0 | point >> 18);
                b[at++] = (byte) (0x80 | point >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | point >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | point & 0x3F);
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(b, at, c, nested); // a lone surrogate has no UTF-8 form
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = at;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** How many digits a non-negative int has. */
    private static int width(int value) {
        int width = 1;
        while (width < 10 && value >= POWERS[width]) {
            width++;
        }
        return width;
    }

    /** A control char's escape (as Jackson writes it), escaped again when {@code nested}. */
    private static int control(byte[] b, int at, char c, boolean nested) {
        byte letter = switch (c) {
            case '\n' -> 'n';
            case '\t' -> 't';
            case '\r' -> 'r';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (letter == 0) {
            return unicodeEscape(b, at, c, nested);
        }
        b[at++] = '\\';
        if (nested) {
            b[at++] = '\\';
        }
        b[at++] = letter;
        return at;
    }

    private static int unicodeEscape(byte[] b, int at, char c, boolean nested) {
        b[at++] = '\\';
        if (nested) {
            b[at++] = '\\';
        }
        b[at++] = 'u';
        b[at++] = HEX[c >> 12];
        b[at++] = HEX[c >> 8 & 0xF];
        b[at++] = HEX[c >> 4 & 0xF];
        b[at++] = HEX[c & 0xF];
        return at;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
