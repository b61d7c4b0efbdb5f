package io.quickstep.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The recent executions, in memory only, for DescribeExecution, ListExecutions, StopExecution and
 * GetExecutionHistory. Bounded: once it holds more than its capacity, the executions that finished
 * first are forgotten; running ones are always kept (the engine bounds how many run).
 */
final class ExecutionStore {
    private final int capacity;
    private final ConcurrentHashMap<String, ExecutionRecord> byArn = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ExecutionRecord> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    ExecutionStore(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the execution store's capacity must be 0 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Keeps a new execution; false when one with its ARN is kept already. */
    boolean add(ExecutionRecord execution) {
        if (byArn.putIfAbsent(execution.arn, execution) != null) {
            return false;
        }
        size.incrementAndGet();
        return true;
    }

    /** Forgets an execution the engine did not take. */
    void remove(ExecutionRecord execution) {
        if (byArn.remove(execution.arn, execution)) {
            size.decrementAndGet();
        }
    }

    /** Called once as each execution ends; forgets the oldest finished ones beyond the capacity. */
    void finished(ExecutionRecord execution) {
        finished.offer(execution);
        while (size.get() > capacity) {
            ExecutionRecord oldest = finished.poll();
            if (oldest == null) {
                return;
            }
            remove(oldest);
        }
    }

    /** The execution with this ARN, or null (never started here, or forgotten). */
    ExecutionRecord get(String arn) {
        return byArn.get(arn);
    }

    /** The kept executions that {@code filter} accepts, newest first. */
    List<ExecutionRecord> list(Predicate<ExecutionRecord> filter) {
        List<ExecutionRecord> found = new ArrayList<>();
        for (ExecutionRecord execution : byArn.values()) {
            if (filter.test(execution)) {
                found.add(execution);
            }
        }
        found.sort(Comparator.comparingLong((ExecutionRecord e) -> e.sequence).reversed());
        return found;
    }

    int size() {
        return size.get();
    }
}
