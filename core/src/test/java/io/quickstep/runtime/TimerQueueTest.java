package io.quickstep.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class TimerQueueTest {
    private long ids;

    private ShardTimer timer(long atMillis) {
        return new ShardTimer(--ids, atMillis, ShardTimer.DEADLINE, null, 0, null);
    }

    @Test
    void shouldKeepTheOrderTimersWereSetInAndUnlinkFromAnywhere() {
        TimerQueue queue = new TimerQueue();
        ShardTimer a = timer(1000);
        ShardTimer b = timer(1001);
        ShardTimer c = timer(1002);
        queue.add(a);
        queue.add(b);
        queue.add(c);
        assertSame(a, queue.first());
        queue.remove(b);
        queue.remove(a);
        assertSame(c, queue.first());
        queue.remove(c);
        assertNull(queue.first());
        queue.add(b);
        assertSame(b, queue.first());
    }

    @Test
    void shouldIgnoreRemovingATimerItDoesNotHold() {
        TimerQueue queue = new TimerQueue();
        TimerQueue other = new TimerQueue();
        ShardTimer a = timer(1000);
        other.add(a);
        queue.remove(a);
        assertSame(a, other.first());
    }
}
