package io.quickstep.log;

import io.quickstep.events.CloudWatchWriter;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that make execution logs' text (their CloudWatch Logs JSON lines) for the shipper, so
 * that shipping is not bound by what one core makes: making the text is most of a shipper's work,
 * and writing it stays on the shipper's one thread, in order.
 *
 * <p>The shipper hands each batch over ({@link #hand}); the makers take its records one at a time,
 * at most {@value #WINDOW} ahead of the one the shipper writes, and make each one's text into that
 * record's slot of a small ring of buffers; the shipper writes the records in order as each is
 * made ({@link #awaitMade}), taking records itself rather than waiting idle, and frees each slot
 * once written ({@link #written}). The window keeps the text the makers write in the caches the
 * shipper reads it from: a maker running a whole batch ahead wrote megabytes that the shipper then
 * read back from memory, and was no faster than one thread.
 */
final class TextMakers {
    /** How far ahead of the shipper the makers may run, in records. */
    static final int WINDOW = 64;
    /** Spins while a maker makes the record the shipper waits for, before yielding to it. */
    private static final int SPINS = 256;

    /** Each slot's buffer: a record's text, made into the slot of its index. */
    private final byte[][] slots = new byte[WINDOW][];
    /** The shipper's own, for records it takes itself. */
    private final Maker shipperMaker = new Maker();
    private final Thread[] threads;
    private volatile Batch current = new Batch(new ExecutionLog[0]);
    private volatile boolean running = true;

    /** Starts {@code count} daemon threads, named after {@code name}. */
    TextMakers(int count, String name) {
        for (int i = 0; i < WINDOW; i++) {
            slots[i] = new byte[16 * 1024];
        }
        threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            Maker maker = new Maker();
            threads[i] = new Thread(() -> maker.run(this), name + "-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /**
     * Hands the first {@code count} records of {@code batch} over to be made. The shipper's
     * thread only, once every record of the last batch is written.
     */
    void hand(List<ExecutionLog> batch, int count) {
        current = new Batch(batch.subList(0, count).toArray(new ExecutionLog[0]));
        for (Thread thread : threads) {
            LockSupport.unpark(thread); // a maker idle since the last batch may be parked for a millisecond
        }
    }

    /** Returns once record {@code index} of the batch last handed over is made; makes records itself meanwhile. */
    void awaitMade(int index) {
        Batch batch = current;
        ExecutionLog log = batch.logs[index];
        int spins = 0;
        while (!log.made()) {
            if (shipperMaker.makeNext(this, batch)) {
                spins = 0;
            } else if (++spins < SPINS) {
                Thread.onSpinWait(); // a maker is making it
            } else {
                Thread.yield(); // the maker may be waiting for this core
            }
        }
    }

    /** Record {@code index} of the batch is written, and has forgotten its text: its slot is free. */
    void written(int index) {
        current.written = index + 1;
    }

    /** Stops the threads once they finish the record in hand. */
    void close() {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }

    /** A batch's records, the next one to take and how many the shipper has written. */
    private static final class Batch {
        final ExecutionLog[] logs;
        final AtomicInteger next = new AtomicInteger();
        volatile int written;

        Batch(ExecutionLog[] logs) {
            this.logs = logs;
        }

        /** The index of a record nobody has taken, within the window, now taken; -1 when there is none. */
        int take() {
            while (true) {
                int index = next.get();
                if (index >= logs.length || index >= written + WINDOW) {
                    return -1;
                }
                if (next.compareAndSet(index, index + 1)) {
                    return index;
                }
            }
        }
    }

    /** One thread's writer. */
    private static final class Maker {
        private final CloudWatchWriter writer = new CloudWatchWriter();

        void run(TextMakers makers) {
            IdleStrategy idle = new BackoffIdleStrategy(64, 16, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MILLISECONDS.toNanos(1));
            while (makers.running) {
                if (makeNext(makers, makers.current)) {
                    idle.reset();
                } else {
                    idle.idle();
                }
            }
        }

        /** Takes and makes one record of {@code batch}; false when none could be taken. */
        boolean makeNext(TextMakers makers, Batch batch) {
            int index = batch.take();
            if (index < 0) {
                return false;
            }
            ExecutionLog log = batch.logs[index];
            try {
                int length = writer.render(log.events(), log.executionArn(), log.configuration());
                int slot = index % WINDOW;
                if (makers.slots[slot].length < length) {
                    makers.slots[slot] = new byte[Math.max(length, makers.slots[slot].length * 2)];
                }
                writer.copyTo(makers.slots[slot], 0);
                log.madeText(makers.slots[slot], 0, length);
            } catch (Throwable e) {
                log.madeText(null, 0, 0); // a sink asking makes it again, and fails where it is counted
            }
            return true;
        }
    }
}
