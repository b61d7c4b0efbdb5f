package io.quickstep.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * How producers wake a shard thread that parks: the thread raises {@code idle} just before it
 * parks; a producer that sees it up unparks the thread. Padded on both sides so that the flag,
 * read on every start, does not share a cache line with fields the shard thread writes all the time.
 */
final class ShardWakeup extends ShardWakeupFields {
    @SuppressWarnings("unused")
    private long p8, p9, p10, p11, p12, p13, p14;

    void wake() {
        // Pairs with the write-then-check in ShardIdleStrategy: one side always sees the other.
        if (idle) {
            LockSupport.unpark(thread);
        }
    }
}

/** The fields of {@link ShardWakeup}, between its padding. */
abstract class ShardWakeupFields extends ShardWakeupPadding {
    volatile Thread thread;
    volatile boolean idle;
}

/** Padding before the fields of {@link ShardWakeup}. */
abstract class ShardWakeupPadding {
    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;
}
