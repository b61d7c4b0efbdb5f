package io.quickstep.runtime;

/**
 * The timers of one shard that share a duration, in the order they were set, which is also the
 * order they fire in: the first is always the next due. Adding, removing (a timer no longer
 * needed) and finding the next due are O(1). Timers of a whole number of seconds (an execution's
 * limit, TimeoutSeconds, Wait Seconds, most retry intervals) live here rather than on the timer
 * wheel, whose slots, each a growing array, would fill with every burst of timers set in the same
 * millisecond; the few distinct durations a machine uses make few queues.
 */
final class TimerQueue {
    private ShardTimer first;
    private ShardTimer last;

    void add(ShardTimer timer) {
        timer.previous = last;
        timer.next = null;
        if (last == null) {
            first = timer;
        } else {
            last.next = timer;
        }
        last = timer;
        timer.queue = this;
    }

    void remove(ShardTimer timer) {
        if (timer.queue != this) {
            return;
        }
        ShardTimer previous = timer.previous;
        ShardTimer next = timer.next;
        if (previous == null) {
            first = next;
        } else {
            previous.next = next;
        }
        if (next == null) {
            last = previous;
        } else {
            next.previous = previous;
        }
        timer.previous = null;
        timer.next = null;
        timer.queue = null;
    }

    /** The timer due next, or null. */
    ShardTimer first() {
        return first;
    }
}
