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

    /**
     * {@code rate} requests per second after a climb: {@code steps} seconds at an eighth, a quarter
     * and a half of it (the last {@code steps} of these), so that a server and a generator still being
     * compiled do not start the run with a backlog they then take the measured seconds to drain.
     */
    static Schedule climbing(long rate, int steps) {
        return steps <= 0 ? fixedRate(rate) : new Climbing(new FixedRate(rate), steps);
    }

    /** A {@link FixedRate} after {@code steps} one-second steps that each double the rate up to it. */
    record Climbing(FixedRate full, int steps) implements Schedule {
        private static final long SECOND = 1_000_000_000L;

        /** Requests in step {@code k} (from 0): a second at the full rate halved {@code steps - k} times. */
        private long inStep(int k) {
            return Math.max(1, full.rate() >> (steps - k));
        }

        @Override
        public long dueNanos(long n) {
            long offset = 0;
            for (int k = 0; k < steps; k++) {
                long count = inStep(k);
                if (n < count) {
                    return offset + (long) (n * (1e9 / count));
                }
                n -= count;
                offset += SECOND;
            }
            return offset + full.dueNanos(n);
        }

        @Override
        public long dueBy(long elapsedNanos) {
            long before = 0;
            for (int k = 0; k < steps; k++) {
                long count = inStep(k);
                if (elapsedNanos < SECOND) {
                    return before + Math.min(count, (long) (elapsedNanos * (count / 1e9)) + 1);
                }
                before += count;
                elapsedNanos -= SECOND;
            }
            return before + full.dueBy(elapsedNanos);
        }

        @Override
        public double ratePerSecond() {
            return full.rate();
        }

        @Override
        public String describe() {
            return full.describe();
        }
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
