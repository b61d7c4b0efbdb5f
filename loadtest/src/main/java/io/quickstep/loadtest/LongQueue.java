package io.quickstep.loadtest;

/** A growable FIFO of longs, without boxing. */
final class LongQueue {
    private long[] values = new long[64];
    private int head;
    private int size;

    void add(long value) {
        if (size == values.length) {
            long[] grown = new long[values.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = values[(head + i) % values.length];
            }
            values = grown;
            head = 0;
        }
        values[(head + size) % values.length] = value;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long remove() {
        if (size == 0) {
            throw new IllegalStateException("the queue is empty");
        }
        long value = values[head];
        head = (head + 1) % values.length;
        size--;
        return value;
    }
}
