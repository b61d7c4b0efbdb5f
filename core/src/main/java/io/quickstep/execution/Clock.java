package io.quickstep.execution;

/**
 * Time as an execution sees it: the context object's timestamps, Wait states, retry intervals and
 * timeouts all read and advance this clock.
 */
public interface Clock {
    long millis();

    /** Lets {@code durationMillis} pass; a virtual clock just advances. */
    void sleep(long durationMillis) throws InterruptedException;

    /** Wall-clock time; sleeping blocks the calling thread. */
    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long durationMillis) throws InterruptedException {
            if (durationMillis > 0) {
                Thread.sleep(durationMillis);
            }
        }
    };

    /**
     * A clock that runs with wall-clock time but jumps forward instead of sleeping: waits and
     * back-off cost nothing, while time spent working (a loop of states, a slow handler) still
     * passes, so time limits hold on it as on the system clock.
     */
    static Clock virtual() {
        return new Clock() {
            /** Time skipped by sleeps so far (one execution, driven by one thread at a time, reads it). */
            private long skipped;

            @Override
            public long millis() {
                return System.currentTimeMillis() + skipped;
            }

            @Override
            public void sleep(long durationMillis) {
                skipped += Math.max(0, durationMillis);
            }
        };
    }
}
