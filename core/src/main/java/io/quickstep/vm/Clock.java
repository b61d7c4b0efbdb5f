package io.quickstep.vm;

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

    /** A clock that starts at the current wall-clock time and jumps forward instead of sleeping. */
    static Clock virtual() {
        return new Clock() {
            private long now = System.currentTimeMillis();

            @Override
            public long millis() {
                return now;
            }

            @Override
            public void sleep(long durationMillis) {
                now += Math.max(0, durationMillis);
            }
        };
    }
}
