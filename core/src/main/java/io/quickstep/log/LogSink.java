package io.quickstep.log;

/**
 * Where execution logs go: the engine's own sinks write JSON lines to files
 * ({@link RollingFileLogSink}) or standard output ({@link StdoutLogSink}); implement this for others
 * (Kafka, OpenTelemetry, ...) and add it with {@code Engine.Context.logSink}, or list the class in
 * {@code META-INF/services/io.quickstep.log.LogSink} (a public no-argument constructor) for
 * {@link LogSinks#discover}.
 *
 * <p>All calls come from the engine's one log shipper thread, never from a shard: a slow sink
 * slows only the shipping (records the ring cannot hold are dropped and counted), and one that
 * throws is counted and warned about, and is called again with the next record.
 */
public interface LogSink extends AutoCloseable {
    /**
     * Writes one execution's records, together. The log is valid during the call only: keep a
     * copy of what is needed later ({@link ExecutionLog#jsonLines()} is safe to keep).
     */
    void write(ExecutionLog log) throws Exception;

    /** The end of a batch of writes: a moment to flush. Nothing by default. */
    default void endOfBatch() throws Exception {
    }

    /** The engine is shutting down and every record has been written: flush and release. */
    @Override
    default void close() throws Exception {
    }
}
