package io.quickstep.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.events.CloudWatchRecord;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LoggingConfiguration;

import java.util.List;

/**
 * The log record of one ended execution, as its shard offers it to the log ring and the shipper
 * hands it to each {@link LogSink}: the state machine's name, the execution's ARN, the machine's
 * {@link LoggingConfiguration} and every event the execution recorded. What the configuration
 * writes of them ({@link #records()}, {@link #jsonLines()}) is made when a sink asks, on the
 * shipper's thread, never on the shard's.
 *
 * <p>Immutable but for the text made on first use: read it on the thread it was handed to, and copy
 * what is to be kept beyond {@link LogSink#write}.
 */
public final class ExecutionLog {
    private final String stateMachineName;
    private final String executionArn;
    private final LoggingConfiguration configuration;
    private final List<HistoryEvent> events;
    private final long endedNanos;
    private byte[] jsonLines;

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

    /** The CloudWatch Logs records the configuration writes, oldest first ({@link CloudWatchRecord}). */
    public List<ObjectNode> records() {
        return CloudWatchRecord.records(events, executionArn, configuration);
    }

    /**
     * The same records as JSON lines in UTF-8, one record per line, each line ended by {@code \n}:
     * what a log stream holds. Made once, on first use; the array is shared, not to be changed.
     */
    public byte[] jsonLines() {
        if (jsonLines == null) {
            jsonLines = CloudWatchLines.of(this);
        }
        return jsonLines;
    }
}
