package io.quickstep.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.events.CloudWatchRecord;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LoggingConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The log record of one ended execution, as its shard offers it to the log ring and the shipper
 * hands it to each {@link LogSink}: the state machine's name, the execution's ARN, the machine's
 * {@link LoggingConfiguration} and every event the execution recorded. What the configuration
 * writes of them ({@link #records()}, {@link #jsonLines()}) is made when a sink asks, on the
 * shipper's thread, never on the shard's.
 *
 * <p>Immutable; its values are the engine's, never changed. Keep {@link #jsonLines()} rather than
 * the log itself beyond {@link LogSink#write}: the log holds its execution's values alive.
 */
public final class ExecutionLog {
    private final String stateMachineName;
    private final String executionArn;
    private final LoggingConfiguration configuration;
    private final List<HistoryEvent> events;
    private final long endedNanos;
    /**
     * The text a {@link TextMakers} thread made of the records, or null (none made, or forgotten
     * once the shipper wrote it); with where it lies in that array. Set before {@link #made}.
     */
    private volatile byte[] madeText;
    private int madeOffset;
    private int madeLength;
    private volatile boolean made;

    /**
     * @param events     the execution's events, oldest first, all of them (the configuration's
     *                   level chooses which are written)
     * @param endedNanos when the execution ended ({@link System#nanoTime()}), for the shipper's lag
     */
    public ExecutionLog(String stateMachineName, String executionArn, LoggingConfiguration configuration,
                        List<HistoryEvent> events, long endedNanos) {
        this.stateMachineName = stateMachineName;
        this.executionArn = executionArn;
        this.configuration = configuration;
        this.events = events;
        this.endedNanos = endedNanos;
    }

    public String stateMachineName() {
        return stateMachineName;
    }

    public String executionArn() {
        return executionArn;
    }

    public LoggingConfiguration configuration() {
        return configuration;
    }

    /** Every event the execution recorded, oldest first, whatever the level. */
    public List<HistoryEvent> events() {
        return events;
    }

    long endedNanos() {
        return endedNanos;
    }

    /** Set by a text maker: the records' text, or null when making it failed. */
    void madeText(byte[] text, int offset, int length) {
        madeOffset = offset;
        madeLength = length;
        madeText = text;
        made = true;
    }

    /** Whether a text maker has been at it (it may have failed: {@link #madeText()} is null then). */
    boolean made() {
        return made;
    }

    byte[] madeText() {
        return madeText;
    }

    int madeOffset() {
        return madeOffset;
    }

    int madeLength() {
        return madeLength;
    }

    /** Once written: the maker's buffer holding the text is reused for the next batch. */
    void forgetText() {
        madeText = null;
    }

    /** The CloudWatch Logs records the configuration writes, oldest first ({@link CloudWatchRecord}). */
    public List<ObjectNode> records() {
        return CloudWatchRecord.records(events, executionArn, configuration);
    }

    /**
     * The same records as JSON lines in UTF-8, one record per line, each line ended by {@code \n}:
     * what a log stream holds. A copy of its own, made on each call: to keep.
     */
    public byte[] jsonLines() {
        return CloudWatchLines.of(this);
    }

    /**
     * Writes the {@link #jsonLines()} to {@code out} without a copy of them (the records are made
     * once per thread however many sinks write them); returns their length in bytes.
     */
    public int writeJsonLines(OutputStream out) throws IOException {
        return CloudWatchLines.writeTo(this, out);
    }
}
