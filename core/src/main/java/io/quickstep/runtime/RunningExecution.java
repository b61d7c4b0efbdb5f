package io.quickstep.runtime;

import io.quickstep.api.ExecutionListener;
import io.quickstep.compiler.Program;
import io.quickstep.vm.Execution;

/**
 * An execution as its shard tracks it: what it runs, who waits for its result, its metrics, and the
 * timer of its time limit. Made and touched by the shard's thread only.
 */
final class RunningExecution {
    final Execution execution;
    final Program program;
    final StateMachineMetrics metrics;
    /** Told the result when the execution ends. */
    final ExecutionListener listener;
    /** The timer of the execution's time limit, while it runs. */
    ShardTimer deadline;
    /** Links in the shard's {@link RunningList}, while the execution is in it. */
    RunningExecution previous;
    RunningExecution next;
    boolean listed;
    /** When the start was accepted ({@link System#nanoTime()}), for the latency metric. */
    final long startNanos;

    RunningExecution(Execution execution, Program program, StateMachineMetrics metrics, ExecutionListener listener,
                     long startNanos) {
        this.execution = execution;
        this.program = program;
        this.metrics = metrics;
        this.listener = listener;
        this.startNanos = startNanos;
    }
}
