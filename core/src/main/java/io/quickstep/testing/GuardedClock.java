package io.quickstep.testing;

import io.quickstep.execution.Clock;

/**
 * A clock whose {@link #sleep} gives up when the thread has been interrupted. A virtual clock never
 * blocks, so without this an abandoned case looping through Wait states or retries would spin on.
 */
final class GuardedClock implements Clock {
    private final Clock delegate;

    GuardedClock(Clock delegate) {
        this.delegate = delegate;
    }

    @Override
    public long millis() {
        return delegate.millis();
    }

    @Override
    public void sleep(long durationMillis) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("the case was abandoned");
        }
        delegate.sleep(durationMillis);
    }
}
