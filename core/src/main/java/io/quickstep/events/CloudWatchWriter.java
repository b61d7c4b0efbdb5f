package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

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
 * recurs; no tree is made for a record or its details. Made for a log shipper's thread: reuse one
 * writer per thread; not thread-safe.
 */
public final class CloudWatchWriter {
    private static final byte[] ID = ascii("{\"id\":\"");
    private static final byte[] TYPE = ascii("\",\"type\":\"");
    private static final byte[] DETAILS = ascii("\",\"details\":{");
    private static final byte[] PREVIOUS = ascii("},\"previous_event_id\":\"");
    private static final byte[] TIMESTAMP = ascii("\",\"event_timestamp\":\"");
    private static final byte[] ARN = ascii("\",\"execution_arn\":");
    /** Express executions are never redriven. */
    private static final byte[] END = ascii(",\"redrive_count\":\"0\"}\n");
    private static final byte[] NOT_TRUNCATED = ascii("Details\":{\"truncated\":false}");
    private static final byte[] TRUNCATED = ascii("Details\":{\"truncated\":true}");
    private static final byte[] NULL = ascii("null");
    private static final byte[][] TYPE_NAMES = typeNames();
    /** Values whose escaped text is remembered within one execution's records, by identity. */
    private static final int REMEMBERED = 8;
    /** Slots of the strings whose quoted form is remembered across executions, by identity. */
    private static final int QUOTED = 512;

    private final JsonBytes lines = new JsonBytes();
    /** A value's JSON text, before it is escaped. */
    private final JsonBytes text = new JsonBytes();
    /** The escaped texts of the current execution: its ARN first (quoted), then its values. */
    private final JsonBytes escaped = new JsonBytes();
    private final Details details = new Details();
    private final JsonNode[] remembered = new JsonNode[REMEMBERED];
    private final int[] rememberedStart = new int[REMEMBERED];
    private final int[] rememberedEnd = new int[REMEMBERED];
    private int nextRemembered;
    /**
     * Field names, and the state names, role and region of the engine's own (the same instances in
     * every execution), with their quoted, escaped UTF-8 form: written by a copy.
     */
    private final String[] quotedStrings = new String[QUOTED];
    private final byte[][] quotedBytes = new byte[QUOTED][];
    private int arnEnd;
    /** The last event time written, and its digits. */
    private long lastMillis = -1;
    private byte[] lastMillisDigits;
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
        escaped.string(executionArn);
        arnEnd = escaped.size;
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

    /** Writes the lines last {@linkplain #render rendered} to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        lines.writeTo(out);
    }

    private void begin(int id, EventType type) {
        lines.raw(ID);
        lines.digits(id);
        lines.raw(TYPE);
        lines.raw(TYPE_NAMES[type.ordinal()]);
        lines.raw(DETAILS);
        details.first = true;
    }

    private void end(int previousId, long millis) {
        lines.raw(PREVIOUS);
        lines.digits(previousId);
        lines.raw(TIMESTAMP);
        if (millis != lastMillis) {
            // The events of a slice share their time: its digits are made once.
            int start = lines.size;
            lines.digits(millis);
            lastMillisDigits = Arrays.copyOfRange(lines.buffer, start, lines.size);
            lastMillis = millis;
        } else {
            lines.raw(lastMillisDigits);
        }
        lines.raw(ARN);
        lines.raw(escaped.buffer, 0, arnEnd);
        lines.raw(END);
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
        for (int i = 0; i < REMEMBERED; i++) {
            if (remembered[i] == value) {
                return i;
            }
        }
        int slot = nextRemembered;
        nextRemembered = (slot + 1) % REMEMBERED;
        text.reset();
        text.value(value);
        remembered[slot] = value;
        rememberedStart[slot] = escaped.size;
        escaped.escapedText(text.buffer, text.size);
        rememberedEnd[slot] = escaped.size;
        return slot;
    }

    /** Writes a string of the engine's own (a constant), quoted, from the remembered form when there is one. */
    private void constant(String text) {
        int slot = System.identityHashCode(text) & (QUOTED - 1);
        if (quotedStrings[slot] == text) {
            lines.raw(quotedBytes[slot]);
            return;
        }
        int start = lines.size;
        lines.string(text);
        quotedStrings[slot] = text;
        quotedBytes[slot] = Arrays.copyOfRange(lines.buffer, start, lines.size);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] typeNames() {
        EventType[] types = EventType.values();
        byte[][] names = new byte[types.length][];
        for (EventType type : types) {
            names[type.ordinal()] = ascii(type.name());
        }
        return names;
    }

    /** The details object of a record: data as JSON text, left out without includeExecutionData. */
    private final class Details implements DetailsWriter {
        boolean first;

        private void field(String name) {
            if (!first) {
                lines.write(',');
            }
            first = false;
            constant(name);
            lines.write(':');
        }

        @Override
        public void text(String field, String value) {
            field(field);
            if (value == null) {
                lines.raw(NULL);
            } else if (field.equals("name") || field.equals("roleArn") || field.equals("region")) {
                constant(value);
            } else {
                lines.string(value);
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
            lines.write(',');
            lines.write('"');
            lines.ascii(field);
            lines.raw(truncated ? TRUNCATED : NOT_TRUNCATED);
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
