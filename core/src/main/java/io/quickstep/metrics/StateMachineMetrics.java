package io.quickstep.metrics;

import io.quickstep.execution.ExecutionResult;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and execution latency of one state machine in one engine. Written by the threads that
 * start executions (started, throttled) and by the shard threads (the rest), read by anyone:
 * counters are {@link LongAdder}s, latency goes to an HdrHistogram {@link Recorder} whose interval
 * snapshots ({@link #latencyInterval()}) each hold what was recorded since the last. The record
 * methods are the engine's; users read.
 *
 * <p>Per state ({@link #states()}): entries, errors (each failed attempt: a Task that fails or
 * times out, a state that raises an error, a Fail state, whether a Retry or Catch then handles it
 * or not; a failure that leaves a Parallel branch or Map iteration counts in its state and again in
 * the Parallel or Map state), and latency, from the state's entry to its exit or final failure
 * (retries included). Latency is sampled, to keep the clock off the hot path: each execution is
 * timed with a probability of one in {@value #STATE_LATENCY_SAMPLING_DEFAULT} (system property
 * {@value #STATE_LATENCY_SAMPLING_PROP}: 1 times every execution, 0 none), decided at random when
 * it starts so that no pattern of starts hides a machine; an untimed execution pays one branch per
 * state. Executions run on the caller's thread ({@code StateMachine.execute}) have no metrics.
 */
public final class StateMachineMetrics {
    /** The system property for the sampling of state latency: one execution in this many is timed. */
    public static final String STATE_LATENCY_SAMPLING_PROP = "quickstep.state.latency.sampling";
    public static final int STATE_LATENCY_SAMPLING_DEFAULT = 64;

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
    /** Failed attempts of each state, by its counter. */
    private final LongAdder[] errors;
    /**
     * Each state's sampled latency in microseconds, by its counter: made at its first value (most
     * states of a large machine may never be timed), then written by any shard at once.
     */
    private final AtomicReferenceArray<Histogram> stateLatencyMicros;
    /** One execution in this many is timed; 0: none. */
    private final int stateLatencySampling;

    /**
     * With the state latency sampling of the system property {@value #STATE_LATENCY_SAMPLING_PROP},
     * read now.
     *
     * @param statePaths each state's path, indexed by the state's transition counter
     */
    public StateMachineMetrics(String name, String[] statePaths) {
        this(name, statePaths, configuredStateLatencySampling());
    }

    /** The state latency sampling the system property {@value #STATE_LATENCY_SAMPLING_PROP} sets now, else the default. */
    public static int configuredStateLatencySampling() {
        return Integer.getInteger(STATE_LATENCY_SAMPLING_PROP, STATE_LATENCY_SAMPLING_DEFAULT);
    }

    /**
     * @param statePaths           each state's path, indexed by the state's transition counter
     * @param stateLatencySampling one execution in this many has its states timed; 0: none
     */
    public StateMachineMetrics(String name, String[] statePaths, int stateLatencySampling) {
        if (stateLatencySampling < 0) {
            throw new IllegalArgumentException(STATE_LATENCY_SAMPLING_PROP + " must be 0 (none) or more, was "
                    + stateLatencySampling);
        }
        this.name = name;
        this.statePaths = statePaths.clone();
        this.transitions = adders(statePaths.length);
        this.errors = adders(statePaths.length);
        this.stateLatencyMicros = new AtomicReferenceArray<>(statePaths.length);
        this.stateLatencySampling = stateLatencySampling;
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
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

    /** An attempt of the state with this counter failed. */
    public void recordError(int stateCounter) {
        errors[stateCounter].increment();
    }

    /** Whether an execution starting now is to time its states (see the class's description). */
    public boolean sampleStateLatency() {
        int every = stateLatencySampling;
        return every != 0 && (every == 1 || ThreadLocalRandom.current().nextInt(every) == 0);
    }

    /** One execution in this many has its states timed; 0: none. */
    public int stateLatencySampling() {
        return stateLatencySampling;
    }

    /** A timed execution left the state with this counter {@code nanos} after entering it. */
    public void recordStateLatency(int stateCounter, long nanos) {
        Histogram histogram = stateLatencyMicros.get(stateCounter);
        if (histogram == null) {
            histogram = new ConcurrentHistogram(2); // auto-resizing: as large as the values seen
            if (!stateLatencyMicros.compareAndSet(stateCounter, null, histogram)) {
                histogram = stateLatencyMicros.get(stateCounter);
            }
        }
        histogram.recordValue(Math.max(0, nanos / 1000));
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

    /**
     * Each state's entries, errors and sampled latency since the engine started, by path
     * ({@code Parent/Branch/State} for nested states).
     */
    public Map<String, StateFigures> states() {
        Map<String, StateFigures> states = new LinkedHashMap<>();
        for (int i = 0; i < statePaths.length; i++) {
            Histogram latency = stateLatencyMicros.get(i);
            StateFigures figures = new StateFigures(transitions[i].sum(), errors[i].sum(),
                    latency == null ? StateFigures.emptyLatency() : latency.copy());
            states.merge(statePaths[i], figures, StateFigures::plus);
        }
        return states;
    }
}
