package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.TaskHandler;

/**
 * One slot of a shard's ring, reused for every start that passes through it: what the caller asked
 * for; the shard makes the execution. The name and ARN may be null (the shard makes a name; the ARN
 * is made when first asked for). {@link #clear()} drops references once the start is handled, so
 * the ring keeps nothing alive.
 */
final class ShardEvent {
    CompiledMachine machine;
    JsonNode input;
    String name;
    String arn;
    TaskHandler tasks;
    ExecutionListener listener;
    StateMachineMetrics metrics;
    /** The input's size in UTF-8 bytes as the caller had it (JSON text as sent), or -1: measure it. */
    long inputBytes;
    long acceptedNanos;

    void clear() {
        machine = null;
        input = null;
        name = null;
        arn = null;
        tasks = null;
        listener = null;
        metrics = null;
    }
}
