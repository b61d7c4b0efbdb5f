package io.quickstep.log;

import io.quickstep.metrics.LogMetrics;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each execution's records as JSON lines to an output stream, standard output by default,
 * flushed at the end of each batch.
 */
public final class StdoutLogSink implements LogSink, MeteredSink {
    private final OutputStream out;
    private LogMetrics metrics = LogMetrics.NONE;

    /** To the process's standard output (its file descriptor, without {@code System.out}'s lock). */
    public StdoutLogSink() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    /** To {@code out}, which it does not close. */
    public StdoutLogSink(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    @Override
    public void meteredBy(LogMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void write(ExecutionLog log) throws IOException {
        metrics.recordBytesWritten(log.writeJsonLines(out));
    }

    @Override
    public void endOfBatch() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
