package io.quickstep.log;

import io.quickstep.events.CloudWatchWriter;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that make execution logs' text (their CloudWatch Logs JSON lines) for the shipper, so
 * that shipping is not bound by what one core makes: making the text is most of a shipper's work,
 * and writing it stays on the shipper's one thread, in order.
 *
 * <p>The shipper hands each batch over ({@link #hand}); the makers take its records one at a time,
 * each making the text into a buffer of its own; the shipper writes the records in order as each
 * is made ({@link #awaitMade}), taking records itself rather than waiting idle. A maker's buffer is
 * reused when the next batch comes, by which time the shipper has written every record of this
 * one and made each forget its text ({@link ExecutionLog#forgetText}).
 */
final class TextMakers {
    private final Maker[] makers;
    /** The shipper's own, for records it takes itself. */
    private final Maker shipperMaker = new Maker();
    private final Thread[] threads;
    private volatile Batch current = new Batch(new ExecutionLog[0], 0);
    private volatile boolean running = true;

    /** Starts {@code count} daemon threads, named after {@code name}. */
    TextMakers(int count, String name) {
        makers = new Maker[count];
        threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            Maker maker = new Maker();
            makers[i] = maker;
            threads[i] = new Thread(() -> maker.run(this), name + "-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /** Hands the first {@code count} records of {@code batch} over to be made. The shipper's thread only. */
    void hand(List<ExecutionLog> batch, int count) {
        current = new Batch(batch.subList(0, count).toArray(new ExecutionLog[0]), count);
    }

    /** Returns once {@code log}, of the batch last handed over, is made; makes records itself meanwhile. */
    void awaitMade(ExecutionLog log) {
        Batch batch = current;
        while (!log.made()) {
            if (!shipperMaker.makeNext(batch)) {
                Thread.onSpinWait(); // a maker is making it
            }
        }
    }

    /** Stops the threads once they finish the record in hand. */
    void close() {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }

    /** A batch's records and the next one to take. */
    private record Batch(ExecutionLog[] logs, int count, AtomicInteger next) {
        Batch(ExecutionLog[] logs, int count) {
            this(logs, count, new AtomicInteger());
        }

        /** The index of a record nobody has taken, now taken; -1 when none is left. */
        int take() {
            if (next.get() >= count) {
                return -1; // read first: the counter does not climb while makers wait
            }
            int index = next.getAndIncrement();
            return index < count ? index : -1;
        }
    }

    /** One thread's writer and the buffer its records' text is made into. */
    private static final class Maker {
        private final CloudWatchWriter writer = new CloudWatchWriter();
        private byte[] buffer = new byte[64 * 1024];
        private int size;
        private Batch seen;

        void run(TextMakers makers) {
            IdleStrategy idle = new BackoffIdleStrategy(64, 16, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MILLISECONDS.toNanos(1));
            while (makers.running) {
                if (makeNext(makers.current)) {
                    idle.reset();
                } else {
                    idle.idle();
                }
            }
        }

        /** Takes and makes one record of {@code batch}; false when none was left to take. */
        boolean makeNext(Batch batch) {
            if (batch != seen) {
                seen = batch;
                size = 0; // the shipper has written every record of the batch before
            }
            int index = batch.take();
            if (index < 0) {
                return false;
            }
            ExecutionLog log = batch.logs()[index];
            try {
                int length = writer.render(log.events(), log.executionArn(), log.configuration());
                if (size + length > buffer.length) {
                    // A new array: the records made into the old one keep it.
                    buffer = new byte[Math.max(buffer.length * 2, length)];
                    size = 0;
                }
                writer.copyTo(buffer, size);
                log.madeText(buffer, size, length);
                size += length;
            } catch (Throwable e) {
                log.madeText(null, 0, 0); // a sink asking makes it again, and fails where it is counted
            }
            return true;
        }
    }
}
