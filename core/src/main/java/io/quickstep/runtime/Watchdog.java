package io.quickstep.runtime;

import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import io.quickstep.task.TaskRequest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the shards from a thread of its own: a shard that has not completed a duty cycle for
 * longer than the limit, while not idle, is stalled, nearly always by a synchronous task handler
 * that blocks on the shard's thread. Each stall is counted once and reported in one warning that
 * names the state and the handler it is in (and where that handler's thread stands).
 */
final class Watchdog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("io.quickstep.engine");

    private final Shard[] shards;
    private final long limitNanos;
    private final LongAdder stalls = new LongAdder();
    private final Thread thread;
    private volatile boolean closed;

    Watchdog(Shard[] shards, Duration limit) {
        this.shards = shards;
        this.limitNanos = limit.toNanos();
        this.thread = new Thread(this::watch, "quickstep-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    long stalls() {
        return stalls.sum();
    }

    private void watch() {
        long[] lastCycles = new long[shards.length];
        long[] sinceNanos = new long[shards.length];
        boolean[] reported = new boolean[shards.length];
        java.util.Arrays.fill(sinceNanos, System.nanoTime());
        long period = Math.max(1, TimeUnit.NANOSECONDS.toMillis(limitNanos) / 4);
        while (!closed) {
            long now = System.nanoTime();
            for (int i = 0; i < shards.length; i++) {
                long cycles = shards[i].cycles();
                if (cycles != lastCycles[i] || shards[i].wakeup.idle) {
                    lastCycles[i] = cycles;
                    sinceNanos[i] = now;
                    reported[i] = false;
                } else if (!reported[i] && now - sinceNanos[i] > limitNanos) {
                    reported[i] = true;
                    stalls.increment();
                    report(shards[i], now - sinceNanos[i]);
                }
            }
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(Shard shard, long stalledNanos) {
        TaskRequest call = shard.callInProgress();
        TaskHandler handler = shard.handlerInProgress();
        StringBuilder message = new StringBuilder("Quickstep: ").append(shard.roleName())
                .append(" has not completed a duty cycle for ")
                .append(TimeUnit.NANOSECONDS.toMillis(stalledNanos)).append(" ms");
        if (call != null && handler != null) {
            message.append(": it is in the task handler ").append(TaskHandlers.describe(handler))
                    .append(" of state '").append(call.stateName()).append("' (resource ").append(call.resource())
                    .append("). Every execution of this shard waits for it: register handlers that block with")
                    .append(" TaskHandlers.registerBlocking, or make them asynchronous.");
        }
        Thread thread = shard.thread();
        if (thread != null) {
            message.append(" Its thread is at:");
            StackTraceElement[] trace = thread.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 12); i++) {
                message.append("\n\tat ").append(trace[i]);
            }
        }
        LOG.log(Level.WARNING, message.toString());
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
