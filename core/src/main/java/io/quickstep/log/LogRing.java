package io.quickstep.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The log ring: a bounded many-to-one queue of execution log records. Shards offer (a CAS on the
 * tail claims a slot, a release store fills it); the shipper alone drains. An offer never waits:
 * false when the ring is full. Agrona's {@code ManyToOneConcurrentArrayQueue} does the same, but
 * it (as its buffers) needs {@code sun.misc.Unsafe}-level access that a plain JVM refuses without
 * {@code --add-exports}; this one uses {@link VarHandle}s.
 *
 * <p>A slot is empty (null) or holds a record not yet drained. The consumer empties a slot before
 * it moves the head past it (release), and a producer claims the slot at {@code tail} only after
 * reading a head more than {@code tail - capacity} (acquire), so a claimed slot is always empty.
 */
final class LogRing {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(ExecutionLog[].class);
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LogRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(LogRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ExecutionLog[] slots;
    private final int mask;
    /** The next slot to drain; written by the consumer only. */
    @SuppressWarnings("unused")
    private volatile long head;
    /** The next slot to claim. Padding from head is not worth it here: one offer per execution. */
    @SuppressWarnings("unused")
    private volatile long tail;

    /** @param capacity the records it holds, rounded up to a power of two */
    LogRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.slots = new ExecutionLog[size];
        this.mask = size - 1;
    }

    /** Adds a record; false, at once, when the ring is full. Any thread. */
    boolean offer(ExecutionLog log) {
        long claimed;
        do {
            claimed = (long) TAIL.getVolatile(this);
            if (claimed - (long) HEAD.getAcquire(this) >= slots.length) {
                return false;
            }
        } while (!TAIL.compareAndSet(this, claimed, claimed + 1));
        SLOTS.setRelease(slots, (int) claimed & mask, log);
        return true;
    }

    /**
     * Moves up to {@code limit} records, oldest first, into {@code into}; returns how many. The
     * consumer's thread only. Stops at a slot claimed but not yet filled.
     */
    int drainTo(List<ExecutionLog> into, int limit) {
        long next = (long) HEAD.getOpaque(this);
        int drained = 0;
        while (drained < limit) {
            int index = (int) next & mask;
            ExecutionLog log = (ExecutionLog) SLOTS.getAcquire(slots, index);
            if (log == null) {
                break;
            }
            SLOTS.setOpaque(slots, index, null);
            into.add(log);
            drained++;
            next++;
            // Release: the emptied slot is seen empty by the producer that reads this head.
            HEAD.setRelease(this, next);
        }
        return drained;
    }

    /** Records waiting now (an estimate while producers run). */
    int size() {
        return (int) Math.max(0, (long) TAIL.getVolatile(this) - (long) HEAD.getVolatile(this));
    }
}
