package io.quickstep.log;

import io.quickstep.metrics.LogMetrics;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent that drains the log ring on its own thread: each duty cycle takes up to
 * {@value #BATCH} records, writes each to every sink in order, then tells every sink the batch
 * ended. A sink that throws is counted and warned about (one line per {@link #WARNING_INTERVAL_NANOS}
 * at most), and the shipping goes on; so are the records the shards dropped for want of room.
 * Asked to close, it ships everything left, then closes the sinks and ends.
 */
final class LogShipper implements Agent {
    /** Records shipped per duty cycle at most. */
    static final int BATCH = 1024;
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = Logger.getLogger(LogShipper.class.getName());

    private final LogRing ring;
    private final LogSink[] sinks;
    private final LogMetrics metrics;
    /** Threads that make the records' text, or null: the sinks make it on this thread. */
    private final TextMakers makers;
    private final List<ExecutionLog> batch = new ArrayList<>(BATCH);
    /** Set by the closing thread: ship what is left, then end. */
    private volatile boolean closing;
    private long dropsReported;
    private long lastDropWarningNanos;
    private long lastSinkWarningNanos;
    private long sinkErrorsReported;

    LogShipper(LogRing ring, LogSink[] sinks, LogMetrics metrics, TextMakers makers) {
        this.ring = ring;
        this.sinks = sinks;
        this.metrics = metrics;
        this.makers = makers;
        long longAgo = System.nanoTime() - WARNING_INTERVAL_NANOS;
        this.lastDropWarningNanos = longAgo;
        this.lastSinkWarningNanos = longAgo;
    }

    /** Asks the agent to ship what is left and end; it is told on its next duty cycle. */
    void close() {
        closing = true;
    }

    @Override
    public int doWork() {
        // Read before draining: a record offered after this read is shipped by a later cycle.
        boolean last = closing;
        int shipped = shipBatch();
        warnOfDrops(last);
        if (last && shipped == 0) {
            throw new AgentTerminationException("closed", true);
        }
        return shipped;
    }

    @Override
    public void onClose() {
        if (makers != null) {
            makers.close();
        }
        for (LogSink sink : sinks) {
            try {
                sink.close();
            } catch (Throwable e) {
                sinkFailed(sink, e, true);
            }
        }
    }

    @Override
    public String roleName() {
        return "quickstep-log-shipper";
    }

    private int shipBatch() {
        int count = ring.drainTo(batch, BATCH);
        if (count == 0) {
            return 0;
        }
        long oldest = Long.MAX_VALUE;
        if (makers != null) {
            makers.hand(batch, count);
        }
        for (int i = 0; i < count; i++) {
            ExecutionLog log = batch.get(i);
            oldest = Math.min(oldest, log.endedNanos());
            if (makers != null) {
                makers.awaitMade(i);
            }
            for (LogSink sink : sinks) {
                try {
                    sink.write(log);
                } catch (Throwable e) {
                    sinkFailed(sink, e, false);
                }
            }
            if (makers != null) {
                log.forgetText();
                makers.written(i);
            }
        }
        for (LogSink sink : sinks) {
            try {
                sink.endOfBatch();
            } catch (Throwable e) {
                sinkFailed(sink, e, false);
            }
        }
        batch.clear();
        metrics.recordShipped(count, System.nanoTime() - oldest);
        return count;
    }

    private void sinkFailed(LogSink sink, Throwable e, boolean always) {
        long errors = metrics.recordSinkError();
        long now = System.nanoTime();
        if (always || now - lastSinkWarningNanos >= WARNING_INTERVAL_NANOS) {
            lastSinkWarningNanos = now;
            LOG.log(Level.WARNING, "Quickstep: log sink " + sink.getClass().getName() + " failed: " + e
                    + " (" + (errors - sinkErrorsReported) + " sink errors since the last warning, " + errors
                    + " in all); shipping goes on");
            sinkErrorsReported = errors;
        }
    }

    private void warnOfDrops(boolean always) {
        long dropped = metrics.dropped();
        long now = System.nanoTime();
        if (dropped > dropsReported && (always || now - lastDropWarningNanos >= WARNING_INTERVAL_NANOS)) {
            LOG.log(Level.WARNING, "Quickstep: the log ring was full: " + (dropped - dropsReported)
                    + " execution log records dropped since the last warning, " + dropped
                    + " in all (the log sinks do not keep up)");
            dropsReported = dropped;
            lastDropWarningNanos = now;
        }
    }
}
