package io.quickstep.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The recent executions, in memory only, for DescribeExecution, ListExecutions, StopExecution and
 * GetExecutionHistory. Bounded: once it holds more than its capacity, the executions that finished
 * first are forgotten; running ones are always kept (the engine bounds how many run). Finished
 * StartSyncExecution executions are kept apart, up to the same capacity, in a ring
 * ({@link FinishedSyncExecutions}), and only once they have ended: the hot path's executions
 * bypass the map.
 *
 * <p>The finished executions, oldest first, are a list linked through the records themselves
 * ({@link ExecutionRecord#nextFinished}): an end appends one, an eviction takes the head, each in
 * constant time with no allocation, under a lock held only for those few pointer writes (the map
 * removal, the cold part, happens outside it). Evictions happen as executions are added, so that
 * a shard's thread, which tells of ends, only appends.
 */
final class ExecutionStore {
    private final int capacity;
    private final ConcurrentHashMap<String, ExecutionRecord> byArn = new ConcurrentHashMap<>();
    /** Guards the finished list: {@link #oldestFinished}, {@link #newestFinished} and the records' links. */
    private final Object finishedLock = new Object();
    private ExecutionRecord oldestFinished;
    private ExecutionRecord newestFinished;
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final FinishedSyncExecutions finishedSync;

    ExecutionStore(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the execution store's capacity must be 0 or more, was " + capacity);
        }
        this.capacity = capacity;
        this.finishedSync = new FinishedSyncExecutions(capacity);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /**
     * Keeps a new execution; false when one with its ARN is kept already. A StartSyncExecution one is
     * kept only once it ends ({@link #finished}).
     */
    boolean add(ExecutionRecord execution) {
        if (execution.sync) {
            return true;
        }
        if (byArn.putIfAbsent(execution.arn, execution) != null) {
            return false;
        }
        size.incrementAndGet();
        // Evicting here, on the thread that adds (the ingress's event loop), and not as executions end
        // on a shard: the map's counter and the size then stay in this thread's cache instead of
        // moving between the two for every execution, and the shard is spared the cold oldest entry.
        evictBeyondCapacity();
        return true;
    }

    /** Forgets an execution the engine did not take. */
    void remove(ExecutionRecord execution) {
        if (!execution.sync && byArn.remove(execution.arn, execution)) {
            size.decrementAndGet();
        }
    }

    /**
     * Called once as each execution ends. Forgets the oldest finished ones only while the store is
     * over its capacity, which it is only when running executions filled it: an add evicts as it
     * goes, so in the steady state an end just appends.
     */
    void finished(ExecutionRecord execution) {
        if (execution.sync) {
            finishedSync.add(execution);
            return;
        }
        synchronized (finishedLock) {
            if (newestFinished == null) {
                oldestFinished = execution;
            } else {
                newestFinished.nextFinished = execution;
            }
            newestFinished = execution;
        }
        evictBeyondCapacity();
    }

    /** Forgets the oldest finished executions while the store holds more than its capacity. */
    private void evictBeyondCapacity() {
        if (size.get() <= capacity) {
            return;
        }
        ExecutionRecord evicted;
        synchronized (finishedLock) {
            evicted = takeOldestBeyondCapacity();
        }
        // Outside the lock: the oldest entries are cold, and the map removals are what cost.
        while (evicted != null) {
            ExecutionRecord next = evicted.nextFinished;
            evicted.nextFinished = null;
            byArn.remove(evicted.arn, evicted);
            evicted = next;
        }
    }

    /**
     * Unlinks the oldest finished executions while the store holds more than its capacity, and
     * counts them out; returns them, still linked to each other (the last one's link null), or null.
     * Each finished execution is in the map until it is taken here (a start the engine refused never
     * finishes), so counting it out now keeps the size exact for concurrent ends.
     */
    private ExecutionRecord takeOldestBeyondCapacity() {
        ExecutionRecord first = null;
        ExecutionRecord last = null;
        while (size.get() > capacity && oldestFinished != null) {
            ExecutionRecord oldest = oldestFinished;
            oldestFinished = oldest.nextFinished;
            if (oldestFinished == null) {
                newestFinished = null;
            }
            oldest.nextFinished = null;
            size.decrementAndGet();
            if (last == null) {
                first = oldest;
            } else {
                last.nextFinished = oldest;
            }
            last = oldest;
        }
        return first;
    }

    /** The execution with this ARN, or null (never started here, or forgotten). */
    ExecutionRecord get(String arn) {
        ExecutionRecord execution = byArn.get(arn);
        return execution != null ? execution : finishedSync.find(arn);
    }

    /** The kept executions that {@code filter} accepts, newest first. */
    List<ExecutionRecord> list(Predicate<ExecutionRecord> filter) {
        List<ExecutionRecord> found = new ArrayList<>();
        for (ExecutionRecord execution : byArn.values()) {
            if (filter.test(execution)) {
                found.add(execution);
            }
        }
        finishedSync.collect(filter, found);
        found.sort(Comparator.comparingLong((ExecutionRecord e) -> e.sequence).reversed());
        return found;
    }

    int size() {
        return size.get() + finishedSync.size();
    }
}
