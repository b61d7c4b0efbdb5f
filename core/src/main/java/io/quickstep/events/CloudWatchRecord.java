package io.quickstep.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudWatch Logs records AWS writes for an execution's events under a state machine's
 * {@link LoggingConfiguration}: one JSON object per event that its {@link LogLevel} writes, oldest
 * first,
 *
 * <pre>{"id": "2", "type": "PassStateEntered", "details": {"name": "P", "input": "{\"a\":1}",
 *  "inputDetails": {"truncated": false}}, "previous_event_id": "0", "event_timestamp": "1700000000123",
 *  "execution_arn": "arn:aws:states:...", "redrive_count": "0"}</pre>
 *
 * Ids, the previous event's id, the time (epoch milliseconds) and the redrive count are strings;
 * {@code details} is the history event's details object ({@code {}} for a type without), with the
 * execution's data as JSON text: {@code input}, {@code output}, {@code parameters} and each
 * assigned variable. Without {@code includeExecutionData} those fields and their
 * {@code <field>Details} are left out. An input or output whose escaped text exceeds AWS's limit
 * ({@value #MAX_DATA_BYTES} bytes, CloudWatch Logs' event quota less room for the rest) is cut
 * there, with {@code truncated: true}.
 *
 * <p>Pure functions of the recorded events: nothing here touches the engine, and the engine's
 * values are only read. These are the records as trees, for tests and judges; a log shipper
 * writes the same records as text with a {@link CloudWatchWriter}.
 */
public final class CloudWatchRecord {
    /** Bytes of escaped input or output a record carries at most: AWS's 248 KB. */
    public static final int MAX_DATA_BYTES = 248 * 1024;
    /** A writer per thread: a new one per call would make its buffers and remembered forms each time. */
    private static final ThreadLocal<CloudWatchWriter> WRITER = ThreadLocal.withInitial(CloudWatchWriter::new);

    private CloudWatchRecord() {
    }

    /** The records of an execution's events that {@code configuration} writes, oldest first; none at OFF. */
    public static List<ObjectNode> records(List<HistoryEvent> events, String executionArn,
                                           LoggingConfiguration configuration) {
        byte[] lines = WRITER.get().lines(events, executionArn, configuration);
        List<ObjectNode> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == '\n') {
                records.add(parse(lines, start, i - start));
                start = i + 1;
            }
        }
        return records;
    }

    /** One event's record (whatever the level: {@link LogLevel#logs} decides which are written). */
    public static ObjectNode record(HistoryEvent event, String executionArn, boolean includeExecutionData) {
        return records(List.of(event), executionArn, LoggingConfiguration.of(LogLevel.ALL, includeExecutionData)).get(0);
    }

    private static ObjectNode parse(byte[] lines, int offset, int length) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(lines, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the writer's own output
        }
    }

    /**
     * The length of the longest prefix of {@code text} whose JSON-escaped UTF-8 form takes at most
     * {@code maxBytes} (the whole text when it fits); a surrogate pair is never split.
     */
    static int cutAt(String text, int maxBytes) {
        long bytes = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            int width = 1;
            int size;
            if (c == '"' || c == '\\') {
                size = 2;
            } else if (c < 0x20) {
                size = c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f' ? 2 : 6;
            } else if (c < 0x80) {
                size = 1;
            } else if (c < 0x800) {
                size = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                size = 4;
                width = 2;
            } else {
                size = 3;
            }
            if (bytes + size > maxBytes) {
                return i;
            }
            bytes += size;
            i += width;
        }
        return length;
    }
}
