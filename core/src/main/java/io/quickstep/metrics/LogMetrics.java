package io.quickstep.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What an engine's execution logs have done: records (one per execution of a state machine whose
 * logging level is not OFF) shipped to the sinks, dropped because the log ring was full, bytes
 * written, sink errors, and the shipper's lag. Shard threads count drops, the shipper the rest;
 * anyone reads. The record methods are the engine's; users read.
 */
public final class LogMetrics {
    /** An engine without log sinks: every figure stays 0. */
    public static final LogMetrics NONE = new LogMetrics(() -> 0);

    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong sinkErrors = new AtomicLong();
    private final AtomicLong lagNanos = new AtomicLong();
    private final LongSupplier queued;

    /** @param queued how many records wait in the log ring, read live */
    public LogMetrics(LongSupplier queued) {
        this.queued = queued;
    }

    /** Records handed to every sink. */
    public long shipped() {
        return shipped.get();
    }

    /** Records dropped because the log ring was full when the execution ended. */
    public long dropped() {
        return dropped.get();
    }

    /** Bytes of JSON lines the engine's own sinks (files, stdout) wrote. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Times a sink threw. */
    public long sinkErrors() {
        return sinkErrors.get();
    }

    /**
     * The shipper's lag: how long the oldest record of its latest batch waited between the end of
     * its execution and its shipping, in milliseconds.
     */
    public long lagMillis() {
        return lagNanos.get() / 1_000_000;
    }

    /** Records waiting in the log ring now. */
    public long queued() {
        return queued.getAsLong();
    }

    /** A shard found the ring full; returns the drops so far. */
    public long recordDropped() {
        return dropped.incrementAndGet();
    }

    /** The shipper shipped a batch of {@code records}, the oldest of which waited {@code lagNanos}. */
    public void recordShipped(int records, long lagNanos) {
        // One writer (the shipper thread): ordered stores are enough for readers.
        shipped.lazySet(shipped.get() + records);
        this.lagNanos.lazySet(lagNanos);
    }

    /** A sink of the engine's own wrote {@code bytes}. */
    public void recordBytesWritten(long bytes) {
        bytesWritten.addAndGet(bytes);
    }

    /** A sink threw; returns the sink errors so far. */
    public long recordSinkError() {
        return sinkErrors.incrementAndGet();
    }
}
