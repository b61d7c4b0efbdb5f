package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.json.SharedObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes an execution's events as the CloudWatch Logs records of {@link CloudWatchRecord}, one JSON
 * line each, straight from the recorded fields into bytes. A record is mostly the same few texts
 * again and again (the execution's ARN, and each value twice or more: a state's output is the next
 * one's input), so each is made once per execution, escaped as a JSON string, and copied where it
 * recurs; no tree is made for a record or its details. A value is escaped as it is written, and one
 * that adds a member to a value already written (what ResultPath makes) copies that one's text.
 * The texts that recur in every execution (names, the record's fixed parts) are made once per
 * writer. Made for a log shipper's thread: reuse one writer per thread; not thread-safe.
 */
public final class CloudWatchWriter {
    private static final byte[] ID = ascii("{\"id\":\"");
    /** What follows an event's id up to its details: {@code ","type":"<type>","details":{}. */
    private static final byte[][] TYPE_HEADERS = typeHeaders();
    private static final byte[] PREVIOUS = ascii("},\"previous_event_id\":\"");
    private static final byte[] TIMESTAMP = ascii("\",\"event_timestamp\":\"");
    private static final byte[] ARN = ascii("\",\"execution_arn\":");
    /** Express executions are never redriven. */
    private static final byte[] END = ascii(",\"redrive_count\":\"0\"}\n");
    private static final byte[] NULL = ascii("null");
    /** Values whose escaped text is remembered within one execution's records, by identity. */
    private static final int REMEMBERED = 8;

    private final JsonBytes lines = new JsonBytes();
    /** The escaped texts of the current execution's values. */
    private final JsonBytes escaped = new JsonBytes();
    /** The current execution's ARN, quoted. */
    private final JsonBytes arn = new JsonBytes(256);
    /** The end of a line from its timestamp on, for {@link #suffixMillis}: the same for a slice's events. */
    private final JsonBytes suffix = new JsonBytes(512);
    private long suffixMillis;
    private final Details details = new Details();
    private final JsonNode[] remembered = new JsonNode[REMEMBERED];
    private final int[] rememberedStart = new int[REMEMBERED];
    private final int[] rememberedEnd = new int[REMEMBERED];
    private int nextRemembered;
    /** A details field's name, after its comma: {@code ,"name":}. */
    private final WrittenForms fieldNames = new WrittenForms(name -> written(",", name, ":"));
    /** The texts of the machine's own (state names, role, region, task resources): the same in every execution, quoted. */
    private final WrittenForms constants = new WrittenForms(text -> written("", text, ""));
    /** A data field's details when not truncated: {@code ,"inputDetails":{"truncated":false}}. */
    private final WrittenForms dataDetails = new WrittenForms(field -> dataDetails(field, false));
    /** The names of values' members, as escaped text: {@code \"name\":}. */
    private final WrittenForms valueNames = new WrittenForms(JsonBytes::escapedName);
    private boolean includeExecutionData;

    /**
     * The records {@code configuration} writes of {@code events} (its level's, with or without the
     * execution's data), as JSON lines in UTF-8, each ended by {@code \n}; empty at OFF.
     */
    public byte[] lines(List<HistoryEvent> events, String executionArn, LoggingConfiguration configuration) {
        render(events, executionArn, configuration);
        return lines.toByteArray();
    }

    /**
     * Makes the same lines as {@link #lines} in this writer's buffer, for {@link #writeTo}: without
     * a copy of its own; returns their length in bytes.
     */
    public int render(List<HistoryEvent> events, String executionArn, LoggingConfiguration configuration) {
        lines.reset();
        escaped.reset();
        arn.reset();
        arn.string(executionArn);
        suffix.reset();
        includeExecutionData = configuration.includeExecutionData();
        LogLevel level = configuration.level();
        if (events instanceof RecordedEvents recorded) {
            for (int i = 0; i < recorded.size(); i++) {
                EventType type = recorded.type(i);
                if (level.logs(type)) {
                    begin(recorded.id(i), type);
                    recorded.writeDetails(i, details);
                    end(recorded.previousId(i), recorded.millis(i));
                }
            }
        } else {
            for (HistoryEvent event : events) {
                if (level.logs(event.type())) {
                    begin(event.id(), event.type());
                    EventDetails.replay(event.details(), details);
                    end(event.previousEventId(), event.timeMillis());
                }
            }
        }
        Arrays.fill(remembered, null);
        return lines.size;
    }

    /** Copies the lines last {@linkplain #render rendered} into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(lines.buffer, 0, target, offset, lines.size);
    }

    /** Writes the lines last {@linkplain #render rendered} to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        lines.writeTo(out);
    }

    private void begin(int id, EventType type) {
        lines.raw(ID);
        lines.digits(id);
        lines.raw(TYPE_HEADERS[type.ordinal()]);
        details.first = true;
    }

    private void end(int previousId, long millis) {
        lines.raw(PREVIOUS);
        lines.digits(previousId);
        if (suffix.size == 0 || millis != suffixMillis) {
            // The events of a slice share their time: the rest of their lines is made once.
            suffix.reset();
            suffix.raw(TIMESTAMP);
            suffix.digits(millis);
            suffix.raw(ARN);
            suffix.raw(arn.buffer, 0, arn.size);
            suffix.raw(END);
            suffixMillis = millis;
        }
        lines.raw(suffix.buffer, 0, suffix.size);
    }

    /**
     * Writes a value as a string of its JSON text; when {@code cut}, text whose escaped form passes
     * {@link CloudWatchRecord#MAX_DATA_BYTES} is cut there. Returns whether it was cut.
     */
    private boolean writeAsText(JsonNode node, boolean cut) {
        JsonNode value = node == null ? Json.NODES.nullNode() : node;
        int slot = remembered(value);
        int start = rememberedStart[slot];
        int length = rememberedEnd[slot] - start;
        if (cut && length > CloudWatchRecord.MAX_DATA_BYTES) {
            String whole = Json.write(value);
            lines.string(whole.substring(0, CloudWatchRecord.cutAt(whole, CloudWatchRecord.MAX_DATA_BYTES)));
            return true;
        }
        lines.write('"');
        lines.raw(escaped.buffer, start, length);
        lines.write('"');
        return false;
    }

    /** The slot that remembers the value's escaped text, made now if it was not remembered. */
    private int remembered(JsonNode value) {
        int known = slotOf(value);
        if (known >= 0) {
            return known;
        }
        int slot = nextRemembered;
        nextRemembered = (slot + 1) % REMEMBERED;
        remembered[slot] = null; // while its text is made, the slot is not the base's
        int start = escaped.size;
        ObjectNode extended = value instanceof SharedObjectNode shared ? shared.extendedBase() : null;
        int base = extended != null ? slotOf(extended) : -1;
        if (base >= 0 && rememberedEnd[base] - rememberedStart[base] > 2) {
            // The base's text without its closing brace, then the added member: no member of the base is written again.
            SharedObjectNode shared = (SharedObjectNode) value;
            escaped.raw(escaped.buffer, rememberedStart[base], rememberedEnd[base] - rememberedStart[base] - 1);
            escaped.write(',');
            escaped.raw(valueNames.of(shared.addedName()));
            escaped.escapedValue(shared.addedValue(), valueNames);
            escaped.write('}');
        } else {
            escaped.escapedValue(value, valueNames);
        }
        remembered[slot] = value;
        rememberedStart[slot] = start;
        rememberedEnd[slot] = escaped.size;
        return slot;
    }

    /** The slot remembering {@code value}'s text in this execution, or -1. */
    private int slotOf(JsonNode value) {
        for (int i = 0; i < REMEMBERED; i++) {
            if (remembered[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] written(String before, String text, String after) {
        JsonBytes bytes = new JsonBytes(text.length() * 6 + 8);
        bytes.ascii(before);
        bytes.string(text);
        bytes.ascii(after);
        return bytes.toByteArray();
    }

    private static byte[] dataDetails(String field, boolean truncated) {
        return ascii(",\"" + field + "Details\":{\"truncated\":" + truncated + "}");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] typeHeaders() {
        EventType[] types = EventType.values();
        byte[][] headers = new byte[types.length][];
        for (EventType type : types) {
            headers[type.ordinal()] = ascii("\",\"type\":\"" + type.name() + "\",\"details\":{");
        }
        return headers;
    }

    /** The details object of a record: data as JSON text, left out without includeExecutionData. */
    private final class Details implements DetailsWriter {
        boolean first;

        private void field(String name) {
            byte[] written = fieldNames.of(name);
            int skip = first ? 1 : 0; // no comma before the first
            lines.raw(written, skip, written.length - skip);
            first = false;
        }

        @Override
        public void text(String field, String value) {
            field(field);
            if (value == null) {
                lines.raw(NULL);
            } else {
                switch (field) {
                    case "name", "roleArn", "region", "resourceType", "resource" -> lines.raw(constants.of(value));
                    default -> lines.string(value);
                }
            }
        }

        @Override
        public void number(String field, long value) {
            field(field);
            lines.digits(value);
        }

        @Override
        public void data(String field, JsonNode value) {
            if (!includeExecutionData) {
                return;
            }
            boolean truncated = false;
            field(field);
            if ("assignedVariables".equals(field)) {
                lines.write('{');
                boolean firstVariable = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> variable = it.next();
                    if (!firstVariable) {
                        lines.write(',');
                    }
                    firstVariable = false;
                    lines.string(variable.getKey());
                    lines.write(':');
                    writeAsText(variable.getValue(), false);
                }
                lines.write('}');
            } else {
                truncated = writeAsText(value, true);
            }
            lines.raw(truncated ? dataDetails(field, true) : dataDetails.of(field));
        }

        @Override
        public void parameters(JsonNode value) {
            if (!includeExecutionData) {
                return;
            }
            field("parameters");
            writeAsText(value, false);
        }
    }
}
