package io.quickstep.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The most recent finished StartSyncExecution executions, in a ring: the newest takes the oldest's
 * slot. They need no index while they run (no one can name a synchronous execution before its
 * answer gives its ARN, and Express ARNs end in a random id, so they are unique without a check),
 * and keeping one costs a slot write and an ARN hash, where the execution map's insert and
 * eviction cost a tenth of the event loop's time per request in a profile. Finding one by ARN scans
 * the ring's hashes: a few microseconds for ten thousand, for what is a debugging call.
 *
 * <p>Written by whichever threads end executions, read by any. A lookup that races with the slot it
 * looks at being written may miss that execution; one made after its answer was sent finds it (the
 * execution is kept before its answer is written).
 */
final class FinishedSyncExecutions {
    /** The characters of an ARN's end that {@link #tailHash} reads. */
    private static final int TAIL = 16;
    private final int capacity;
    private final AtomicReferenceArray<ExecutionRecord> slots;
    /** The ARN hash of each slot's execution, scanned before any record is read. */
    private final AtomicIntegerArray hashes;
    private final AtomicLong written = new AtomicLong();

    FinishedSyncExecutions(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.hashes = new AtomicIntegerArray(capacity);
    }

    void add(ExecutionRecord execution) {
        if (capacity == 0) {
            return;
        }
        int slot = (int) (written.getAndIncrement() % capacity);
        hashes.setRelease(slot, tailHash(execution.arn));
        slots.setRelease(slot, execution);
    }

    /** The kept execution with this ARN, or null. */
    ExecutionRecord find(String arn) {
        int hash = tailHash(arn);
        for (int i = 0; i < capacity; i++) {
            if (hashes.getOpaque(i) == hash) {
                ExecutionRecord candidate = slots.getAcquire(i);
                if (candidate != null && candidate.arn.equals(arn)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * A hash of the ARN's last characters: an Express execution's ARN ends in a random id, so they
     * tell executions apart as well as the whole ARN does, at an eighth of the cost (String's hash
     * of a 130-character ARN was a fifth of keeping an execution).
     */
    static int tailHash(String arn) {
        int hash = arn.length();
        for (int i = Math.max(0, arn.length() - TAIL); i < arn.length(); i++) {
            hash = 31 * hash + arn.charAt(i);
        }
        return hash;
    }

    /** Adds the kept executions that {@code filter} accepts to {@code found}. */
    void collect(Predicate<ExecutionRecord> filter, List<ExecutionRecord> found) {
        for (int i = 0; i < capacity; i++) {
            ExecutionRecord execution = slots.getAcquire(i);
            if (execution != null && filter.test(execution)) {
                found.add(execution);
            }
        }
    }

    /** How many are kept. */
    int size() {
        return (int) Math.min(written.get(), capacity);
    }
}
