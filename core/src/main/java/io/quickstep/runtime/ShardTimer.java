package io.quickstep.runtime;

import io.quickstep.vm.Frame;

/**
 * One timer of a shard: what to do when it fires (resume a frame, time out a task call, or end an
 * execution at its limit), and, while it waits in a {@link TimerQueue}, its links there.
 */
final class ShardTimer {
    /** Kind of an execution's time limit (the VM's kinds are WAKE and TASK_TIMEOUT). */
    static final int DEADLINE = 100;

    final long id;
    final long atMillis;
    final int kind;
    final Frame frame;
    final long token;
    /** For DEADLINE timers: the execution that ends. */
    final RunningExecution execution;
    TimerQueue queue;
    ShardTimer previous;
    ShardTimer next;

    ShardTimer(long id, long atMillis, int kind, Frame frame, long token, RunningExecution execution) {
        this.id = id;
        this.atMillis = atMillis;
        this.kind = kind;
        this.frame = frame;
        this.token = token;
        this.execution = execution;
    }
}
