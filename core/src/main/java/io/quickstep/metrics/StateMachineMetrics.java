package io.quickstep.metrics;

import io.quickstep.execution.ExecutionResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and execution latency of one state machine in one engine. Written by the threads that
 * start executions (started, throttled) and by the shard threads (the rest), read by anyone:
 * counters are {@link LongAdder}s, latency goes to an HdrHistogram {@link Recorder} whose interval
 * snapshots ({@link #latencyInterval()}) each hold what was recorded since the last. The record
 * methods are the engine's; users read.
 */
public final class StateMachineMetrics {
    private final String name;
    private final LongAdder started = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder aborted = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    /** Billed megabytes times billed milliseconds, added up over the executions that ended. */
    private final LongAdder billedMbMillis = new LongAdder();
    /** Execution latency in microseconds, from start accepted to result, up to one hour. */
    private final Recorder latencyMicros = new Recorder(3_600_000_000L, 3);
    /** Each state's path ({@code Parent/Branch/State} for nested states), by its counter. */
    private final String[] statePaths;
    /** How many times each state was entered, by its counter. */
    private final LongAdder[] transitions;

    /** @param statePaths each state's path, indexed by the state's transition counter */
    public StateMachineMetrics(String name, String[] statePaths) {
        this.name = name;
        this.statePaths = statePaths.clone();
        this.transitions = new LongAdder[statePaths.length];
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] = new LongAdder();
        }
    }

    /** An execution is being started (counted first, so that its end is never counted before it). */
    public void recordStart() {
        started.increment();
    }

    /** A start counted by {@link #recordStart()} was refused after all; throttled when for want of room. */
    public void recordRefused(boolean throttledStart) {
        started.decrement();
        if (throttledStart) {
            throttled.increment();
        }
    }

    /** An execution ended, {@code latencyNanos} after its start was accepted. */
    public void recordEnd(ExecutionResult result, long latencyNanos) {
        switch (result.status()) {
            case SUCCEEDED: succeeded.increment(); break;
            case FAILED: failed.increment(); break;
            case TIMED_OUT: timedOut.increment(); break;
            default: aborted.increment();
        }
        latencyMicros.recordValue(Math.max(0, Math.min(latencyNanos / 1000, 3_600_000_000L)));
        billedMbMillis.add(result.billedMemoryMb() * result.billedDurationMillis());
    }

    /** The counters the engine's executions of this machine increment as they enter states. */
    public LongAdder[] transitionCounters() {
        return transitions;
    }

    public String name() {
        return name;
    }

    public long started() {
        return started.sum();
    }

    public long succeeded() {
        return succeeded.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long timedOut() {
        return timedOut.sum();
    }

    public long aborted() {
        return aborted.sum();
    }

    public long throttled() {
        return throttled.sum();
    }

    /**
     * What the executions started so far would cost on AWS at {@code prices}: as Express workflows
     * (requests, and the billed duration and memory of those that ended) and as Standard ones (the
     * states they entered).
     */
    public CostEstimate cost(AwsPrices prices) {
        long entered = 0;
        for (LongAdder counter : transitions) {
            entered += counter.sum();
        }
        return new CostEstimate(prices, started(), billedMbMillis.sum(), entered);
    }

    /** Executions started and not yet ended. */
    public long running() {
        return started() - succeeded() - failed() - timedOut() - aborted();
    }

    /** The latency recorded since the previous call (microseconds). */
    public Histogram latencyInterval() {
        return latencyMicros.getIntervalHistogram();
    }

    /** How many times each state was entered, by path ({@code Parent/Branch/State} for nested states). */
    public Map<String, Long> transitions() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < statePaths.length; i++) {
            counts.merge(statePaths[i], transitions[i].sum(), Long::sum);
        }
        return counts;
    }
}
