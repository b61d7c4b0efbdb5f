package io.quickstep.execution;

/**
 * Told once when an execution ends, on the thread of the shard that ran it: keep it short and
 * never block (hand the result on, e.g. write it to a channel). An exception it throws is logged
 * and does not disturb the shard.
 */
@FunctionalInterface
public interface ExecutionListener {
    void ended(ExecutionResult result);
}
