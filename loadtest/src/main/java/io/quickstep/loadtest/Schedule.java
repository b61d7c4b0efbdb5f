package io.quickstep.loadtest;

/**
 * When the requests of an open-loop run fall due, counted from the run's start: evenly at a fixed
 * rate, or in bursts of several at once every interval. A request's latency counts from its due
 * time, whenever it could be sent.
 */
interface Schedule {

    /** When request {@code n} (from 0) falls due, in nanoseconds after the start. */
    long dueNanos(long n);

    /** How many requests have fallen due {@code elapsedNanos} after the start (at least one). */
    long dueBy(long elapsedNanos);

    /** Requests per second on average. */
    double ratePerSecond();

    /** What the schedule is, for reports: {@code 5000/s} or {@code 100 every 100ms}. */
    String describe();

    /** {@code rate} requests per second, evenly spaced. */
    static Schedule fixedRate(long rate) {
        return new FixedRate(rate);
    }

    /** {@code size} requests at once every {@code everyNanos}. */
    static Schedule bursts(int size, long everyNanos) {
        return new Bursts(size, everyNanos);
    }

    /** Evenly spaced requests. */
    record FixedRate(long rate) implements Schedule {
        @Override
        public long dueNanos(long n) {
            return (long) (n * (1e9 / rate));
        }

        @Override
        public long dueBy(long elapsedNanos) {
            return (long) (elapsedNanos * (rate / 1e9)) + 1;
        }

        @Override
        public double ratePerSecond() {
            return rate;
        }

        @Override
        public String describe() {
            return rate + "/s";
        }
    }

    /** Bursts of {@code size} requests that all fall due at the same instant, {@code everyNanos} apart. */
    record Bursts(int size, long everyNanos) implements Schedule {
        @Override
        public long dueNanos(long n) {
            return n / size * everyNanos;
        }

        @Override
        public long dueBy(long elapsedNanos) {
            return (elapsedNanos / everyNanos + 1) * size;
        }

        @Override
        public double ratePerSecond() {
            return size * 1e9 / everyNanos;
        }

        @Override
        public String describe() {
            return size + " every " + DurationConverter.format(java.time.Duration.ofNanos(everyNanos));
        }
    }
}
