package io.quickstep.runtime;

import io.quickstep.compiler.Program;
import io.quickstep.compiler.StateInfo;
import io.quickstep.execution.ExecutionResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and execution latency of one state machine in an engine. Written by the threads that
 * start executions (started, throttled) and by the shard threads (the rest), read by anyone:
 * counters are {@link LongAdder}s, latency goes to an HdrHistogram {@link Recorder}
 * whose interval snapshots ({@link #latencyInterval()}) each hold what was recorded since the last.
 */
public final class StateMachineMetrics {
    private final String name;
    private final Program program;
    final LongAdder started = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder timedOut = new LongAdder();
    final LongAdder aborted = new LongAdder();
    final LongAdder throttled = new LongAdder();
    /** Execution latency in microseconds, from start accepted to result, up to one hour. */
    private final Recorder latencyMicros = new Recorder(3_600_000_000L, 3);

    StateMachineMetrics(String name, Program program) {
        this.name = name;
        this.program = program;
    }

    void ended(ExecutionResult result, long latencyNanos) {
        switch (result.status()) {
            case SUCCEEDED: succeeded.increment(); break;
            case FAILED: failed.increment(); break;
            case TIMED_OUT: timedOut.increment(); break;
            default: aborted.increment();
        }
        latencyMicros.recordValue(Math.max(0, Math.min(latencyNanos / 1000, 3_600_000_000L)));
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
        collect(program, "", counts);
        return counts;
    }

    private static void collect(Program program, String prefix, Map<String, Long> counts) {
        for (StateInfo state : program.states()) {
            counts.merge(prefix + state.name(), state.entered().sum(), Long::sum);
            Program[] children = state.children();
            for (int i = 0; i < children.length; i++) {
                collect(children[i], prefix + state.name() + "/" + i + "/", counts);
            }
        }
    }
}
