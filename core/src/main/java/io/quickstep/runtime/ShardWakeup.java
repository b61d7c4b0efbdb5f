package io.quickstep.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * How producers wake a shard thread that parks: the thread raises {@code idle} just before it
 * parks; a producer that sees it up unparks the thread. Padded on both sides so that the flag,
 * read on every start, does not share a cache line with fields the shard thread writes all the time.
 *
 * <p>Why no event can wait out a park, under the Java memory model and not only on x86. The two
 * sides run a Dekker handshake:
 * <ul>
 * <li>shard: write {@code idle = true} (volatile), then read whether work waits (the ring's cursor,
 *     advanced by the producers' CAS, and the inbox's links, which they set by CAS: volatile reads
 *     of variables written with volatile semantics), and park only if none does;
 * <li>producer: make the work visible (that CAS), then read {@code idle} (volatile)
 *     and unpark the thread if it is up.
 * </ul>
 * All four accesses are synchronization actions, which the JMM puts in one total order consistent
 * with each thread's program order. If the shard's read of the work comes before the producer's
 * write in that order, then the shard's write of {@code idle} does too, and so comes before the
 * producer's read of {@code idle}, which therefore sees {@code true} and unparks. Otherwise the
 * shard sees the work and does not park. An unpark that comes before the park is not lost: it
 * leaves a permit that makes the park return at once. Plain or release/acquire accesses would not
 * do (a store followed by a load of another variable may be reordered). {@code ShardWakeupTest}
 * drives the handshake with an idle strategy that parks without a time limit, so a lost wake-up
 * shows as a hang.
 */
final class ShardWakeup extends ShardWakeupFields {
    @SuppressWarnings("unused")
    private long p8, p9, p10, p11, p12, p13, p14;

    void wake() {
        // The producer's half of the handshake (class comment): its work is visible, now read the flag.
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
