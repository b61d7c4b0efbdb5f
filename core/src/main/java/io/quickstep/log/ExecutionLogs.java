package io.quickstep.log;

import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.metrics.LogMetrics;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An engine's execution logs: the log ring, into which shards offer the record of each ended
 * execution whose state machine logs ({@link #offer}), and the shipper that drains it on its own
 * thread into the sinks ({@link LogShipper}).
 *
 * <p>The ring ({@link LogRing}) is a bounded many-to-one queue of references: a record is the
 * execution's events as recorded (immutable values) and is turned into text by the shipper, so
 * the shard neither builds JSON nor copies bytes. An offer never blocks and never allocates beyond the record:
 * when the ring is full the record is dropped and counted ({@link LogMetrics#dropped()}); the
 * shipper warns of drops once per interval. With no sink ({@link #NONE}) nothing is offered and no
 * thread runs.
 */
public final class ExecutionLogs {
    /** No sinks: records are not even made. */
    public static final ExecutionLogs NONE = new ExecutionLogs();
    /**
     * Records the ring holds by default: at 200,000 executions per second, 20 ms of them, to ride
     * out a sink's pause. Not more: each record keeps its execution's values alive (about 6 KB for
     * the reference order workflow), and a ring that stays full makes every young collection copy
     * them (measured: a ring of 16,384 held 100 MB and made pauses of 400 ms).
     */
    public static final int RING_CAPACITY_DEFAULT = 4_096;
    private static final Logger LOG = Logger.getLogger(ExecutionLogs.class.getName());

    private final LogRing ring;
    private final LogMetrics metrics;
    private final LogShipper shipper;
    private final AgentRunner runner;
    /**
     * The shipper's thread, known from the moment it is made: the runner knows it only once it
     * runs, and a close before that must still wait for it to ship what was offered.
     */
    private volatile Thread thread;

    private ExecutionLogs() {
        this.ring = null;
        this.metrics = LogMetrics.NONE;
        this.shipper = null;
        this.runner = null;
    }

    private ExecutionLogs(List<LogSink> sinks, int ringCapacity, int textThreads) {
        this.ring = new LogRing(ringCapacity);
        this.metrics = new LogMetrics(ring::size);
        for (LogSink sink : sinks) {
            if (sink instanceof MeteredSink metered) {
                metered.meteredBy(metrics);
            }
        }
        TextMakers makers = textThreads == 0 ? null : new TextMakers(textThreads, "quickstep-log-text");
        this.shipper = new LogShipper(ring, sinks.toArray(new LogSink[0]), metrics, makers);
        // Parks up to a millisecond when idle: the shipper wakes to large batches, not to each record.
        this.runner = new AgentRunner(new BackoffIdleStrategy(1, 1, TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(1)), error -> LOG.log(Level.WARNING, "Quickstep: log shipper: " + error, error),
                null, shipper);
    }

    /**
     * Starts shipping to {@code sinks} on a thread of its own; {@link #NONE} when there are none.
     *
     * @param ringCapacity the records the ring holds (rounded up to a power of two)
     * @param textThreads  threads that make the records' text for the shipper ({@link TextMakers});
     *                     0: the shipper's thread makes it
     */
    public static ExecutionLogs start(List<LogSink> sinks, int ringCapacity, int textThreads) {
        if (sinks.isEmpty()) {
            return NONE;
        }
        ExecutionLogs logs = new ExecutionLogs(List.copyOf(sinks), ringCapacity, textThreads);
        AgentRunner.startOnThread(logs.runner, runnable -> {
            Thread thread = new Thread(runnable, logs.shipper.roleName());
            thread.setDaemon(true);
            logs.thread = thread;
            return thread;
        });
        return logs;
    }

    /** Whether records are shipped anywhere: when not, a shard need not make one. */
    public boolean shipping() {
        return ring != null;
    }

    /**
     * Offers an ended execution's record; false when it was dropped (the ring full, or no sinks).
     * Called by a shard: never blocks.
     *
     * @param events the execution's events as recorded, immutable
     */
    public boolean offer(String stateMachineName, LoggingConfiguration configuration, String executionArn,
                         List<HistoryEvent> events) {
        if (ring == null) {
            return false;
        }
        if (ring.offer(new ExecutionLog(stateMachineName, executionArn, configuration, events, System.nanoTime()))) {
            return true;
        }
        metrics.recordDropped();
        return false;
    }

    public LogMetrics metrics() {
        return metrics;
    }

    /**
     * Ships every record offered so far, closes the sinks and ends the shipper's thread, waiting
     * at most {@code timeout}: a sink that blocks longer is left behind with a warning.
     */
    public void close(Duration timeout) {
        if (runner == null) {
            return;
        }
        shipper.close();
        if (thread != null) {
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.log(Level.WARNING, "Quickstep: the log shipper did not finish within " + timeout
                        + " (a log sink blocks); " + metrics.queued() + " records left unshipped");
                return;
            }
        }
        runner.close();
    }
}
