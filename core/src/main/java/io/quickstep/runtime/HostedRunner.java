package io.quickstep.runtime;

import org.agrona.concurrent.AgentTerminationException;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a shard's duty cycles as tasks of a host executor that runs its tasks on one thread, in
 * order (a Netty event loop), instead of on a thread of the shard's own: the counterpart of
 * Agrona's {@code AgentRunner} for a thread someone else owns. An event loop that hosts the shard
 * its connections start executions on hands a start to it, and gets the answer back, without a
 * cross-thread wake-up either way, and the two do not compete for a core.
 *
 * <p>A cycle runs when asked for ({@link #wake()}: a start, an outcome, a stop, from any thread)
 * and again while work remains; when none does, a task of the host's scheduler runs one when the
 * shard's next timer is due. At most one cycle is ever queued on the host: work that arrives while
 * one is queued waits for it, and work that arrives during a cycle queues the next.
 */
final class HostedRunner implements Runnable {
    private final Shard shard;
    private final ScheduledExecutorService host;
    /** A cycle is queued on the host and has not begun. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The one timer task queued on the host, or null, and when it runs; the host's thread only. */
    private ScheduledFuture<?> timer;
    private long timerAtMillis = Long.MAX_VALUE;
    private boolean started;
    private volatile boolean ended;

    HostedRunner(Shard shard, ScheduledExecutorService host) {
        this.shard = shard;
        this.host = host;
        shard.wakeup.idle = true; // for the watchdog: outside a cycle the shard is not stalled
    }

    /** Asks for a cycle soon; any thread. */
    void wake() {
        if (!queued.get() && queued.compareAndSet(false, true)) {
            try {
                host.execute(this);
            } catch (RejectedExecutionException shutDown) {
                // The host stopped before the engine: nothing will run the shard again.
                queued.set(false);
                ended = true;
            }
        }
    }

    /** Whether the shard has ended (shutdown) or its host has stopped running it. */
    boolean ended() {
        return ended;
    }

    /** One duty cycle, on the host's thread. */
    @Override
    public void run() {
        queued.set(false); // first: work that arrives during the cycle queues another
        if (ended) {
            return;
        }
        if (!started) {
            started = true;
            shard.onStart();
        }
        shard.wakeup.idle = false;
        try {
            shard.doWork();
        } catch (AgentTerminationException shutdown) {
            ended = true;
            shard.onClose();
            return;
        } finally {
            shard.wakeup.idle = true;
        }
        if (shard.hasEvents() || shard.hasReadyExecutions()) {
            wake();
        } else {
            awaitNextTimer();
        }
    }

    /**
     * Queues a cycle for when the shard's next timer is due, unless one is queued for then or
     * before. One queued for later is cancelled, so the host holds one timer task per shard at most
     * however many timers the shard sets (a task left behind each time an earlier one was set piled
     * up by the thousand under a load of short Waits).
     */
    private void awaitNextTimer() {
        long at = shard.nextTimerMillis();
        if (at >= timerAtMillis || at == Long.MAX_VALUE) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAtMillis = at;
        long delay = Math.max(0, at - shard.nowMillis());
        try {
            timer = host.schedule(this::timerDue, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            ended = true;
        }
    }

    private void timerDue() {
        timer = null;
        timerAtMillis = Long.MAX_VALUE;
        wake();
    }
}
