package io.quickstep.metrics;

import java.util.Collection;
import java.util.Collections;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * What an engine as a whole has done: the sums of its state machines' counters (so that started =
 * succeeded + failed + timed out + aborted + running holds for the engine too), its errors, the
 * stalls its watchdog saw, and what its execution logs did. Read by anyone; each figure is read live.
 */
public final class EngineMetrics {
    private final Collection<StateMachineMetrics> machines;
    private final EngineErrors errors;
    private final LongSupplier stalls;
    private final LogMetrics logs;

    /**
     * @param stalls how many stalls the engine's watchdog has seen so far
     * @param logs   the figures of the engine's execution logs
     */
    public EngineMetrics(Collection<StateMachineMetrics> machines, EngineErrors errors, LongSupplier stalls,
                         LogMetrics logs) {
        this.machines = machines;
        this.errors = errors;
        this.stalls = stalls;
        this.logs = logs;
    }

    /** The metrics of each state machine the engine has run, as a live view (for exporters). */
    public Collection<StateMachineMetrics> machines() {
        return Collections.unmodifiableCollection(machines);
    }

    public long started() {
        return sum(StateMachineMetrics::started);
    }

    public long succeeded() {
        return sum(StateMachineMetrics::succeeded);
    }

    public long failed() {
        return sum(StateMachineMetrics::failed);
    }

    public long timedOut() {
        return sum(StateMachineMetrics::timedOut);
    }

    public long aborted() {
        return sum(StateMachineMetrics::aborted);
    }

    public long throttled() {
        return sum(StateMachineMetrics::throttled);
    }

    /** Executions started and not yet ended. */
    public long running() {
        return sum(StateMachineMetrics::running);
    }

    /** Errors by kind, and the distinct ones with their stack traces. */
    public EngineErrors errors() {
        return errors;
    }

    /** Times a shard went longer than the stall limit without completing a duty cycle. */
    public long stalls() {
        return stalls.getAsLong();
    }

    /** The execution logs: records shipped and dropped, bytes written, the shipper's lag. */
    public LogMetrics logs() {
        return logs;
    }

    private long sum(ToLongFunction<StateMachineMetrics> counter) {
        long total = 0;
        for (StateMachineMetrics machine : machines) {
            total += counter.applyAsLong(machine);
        }
        return total;
    }
}
