package io.quickstep.runtime;

import io.quickstep.compiler.CompiledMachine;
import io.quickstep.compiler.StateInfo;
import io.quickstep.vm.Driver;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the shards from a thread of its own: a shard that has not completed a duty cycle for
 * longer than the limit, while not idle, is stalled, nearly always by a synchronous task handler
 * that blocks on the shard's thread. Each stall is counted once and reported in one warning that
 * names the state and the handler it is in (and where the thread stands).
 */
final class Watchdog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("io.quickstep.engine");

    private final Shard[] shards;
    /** The state machines the engine has run, by id (a call in progress names its machine by id). */
    private final IntFunction<CompiledMachine> machines;
    private final long limitNanos;
    private final LongAdder stalls = new LongAdder();
    private final Thread thread;
    private volatile boolean closed;

    Watchdog(Shard[] shards, IntFunction<CompiledMachine> machines, Duration limit) {
        this.shards = shards;
        this.machines = machines;
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

    private void report(Shard shard, long stalledNanos) {
        LOG.log(Level.WARNING, "Quickstep: " + shard.roleName() + " has not completed a duty cycle for "
                + TimeUnit.NANOSECONDS.toMillis(stalledNanos) + " ms" + describeCall(shard)
                + ". Every execution of this shard waits for it: register handlers that block with"
                + " TaskHandlers.registerBlocking, or make them asynchronous.");
    }

    /**
     * What the shard's thread is in, for a message: the state and resource of its synchronous task
     * call, if it is in one, and the handler (the stack frame that called into it), then where the
     * thread stands. Read while the thread is stuck, so it stays still.
     */
    String describeCall(Shard shard) {
        StringBuilder text = new StringBuilder();
        long call = shard.callInProgress();
        StackTraceElement[] trace = shard.thread() == null ? new StackTraceElement[0] : shard.thread().getStackTrace();
        CompiledMachine machine = call == 0 ? null : machines.apply((int) (call >>> 32));
        if (machine != null) {
            int counter = (int) call - 1;
            StateInfo state = StatePaths.state(machine.program(), counter);
            text.append(": it is in a task handler of state '").append(StatePaths.of(machine.program())[counter])
                    .append("' of state machine '").append(machine.name()).append("'");
            if (state != null && state.task() != null) {
                text.append(" (resource ").append(state.task().resource()).append(")");
            }
            StackTraceElement handler = handlerFrame(trace);
            if (handler != null) {
                text.append(", the handler at ").append(handler);
            }
        }
        text.append("; its thread is at:");
        for (int i = 0; i < Math.min(trace.length, 12); i++) {
            text.append("\n\tat ").append(trace[i]);
        }
        return text.toString();
    }

    /** The frame the engine called the handler from: the one above {@code Driver.callHere}. */
    private static StackTraceElement handlerFrame(StackTraceElement[] trace) {
        for (int i = 1; i < trace.length; i++) {
            if (trace[i].getClassName().equals(Driver.class.getName()) && trace[i].getMethodName().equals("callHere")) {
                return trace[i - 1];
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
