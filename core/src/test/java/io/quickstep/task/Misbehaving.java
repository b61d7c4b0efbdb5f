package io.quickstep.task;

import java.util.concurrent.CountDownLatch;

/** Task handlers that misbehave, for the tests that make sure the engine survives them. */
public final class Misbehaving {
    private Misbehaving() {
    }

    /** Sleeps a minute unless interrupted; counts {@code interrupted} down when it is. */
    public static TaskHandler hangsUntilInterrupted(CountDownLatch interrupted) {
        return request -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        };
    }
}
