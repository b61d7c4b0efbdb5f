package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskHandler;
import io.quickstep.vm.Execution;

/**
 * An execution as its shard tracks it: what it runs, who waits for its result, its metrics, and the
 * timer of its time limit. Made and touched by the shard's thread only.
 */
final class RunningExecution extends Execution {
    final CompiledMachine machine;
    final StateMachineMetrics metrics;
    /** Told the result when the execution ends. */
    final ExecutionListener listener;
    /** The timer of the execution's time limit, while it runs. */
    ShardTimer deadline;
    /** Links in the shard's {@link RunningList}, while the execution is in it. */
    RunningExecution previous;
    RunningExecution next;
    boolean listed;
    /** Whether it waits in the shard's queue of executions with frames ready to run. */
    boolean queued;
    /** When the start was accepted ({@link System#nanoTime()}), for the latency metric. */
    final long startNanos;

    RunningExecution(Account account, String machineName, String name, JsonNode input, Clock clock, TaskHandler tasks,
                     Callbacks callbacks, long timeoutMillis, String arn, CompiledMachine machine, StateMachineMetrics metrics,
                     ExecutionListener listener, long startNanos) {
        super(account, machineName, name, input, clock, tasks, callbacks, timeoutMillis, arn);
        this.machine = machine;
        this.metrics = metrics;
        this.listener = listener;
        this.startNanos = startNanos;
        this.timesStates = metrics.sampleStateLatency();
    }

    /** Counts the entry in its machine's transitions metric. */
    @Override
    protected void countEntry(int stateCounter) {
        metrics.transitionCounters()[stateCounter].increment();
    }

    /** Counts the failed attempt in its machine's per-state errors. */
    @Override
    protected void countError(int stateCounter) {
        metrics.recordError(stateCounter);
    }

    @Override
    protected void recordStateLatency(int stateCounter, long nanos) {
        metrics.recordStateLatency(stateCounter, nanos);
    }
}
