package io.quickstep.runtime;

import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Wraps the configured idle strategy so that a shard about to park can be woken at once by a
 * producer: the shard raises its idle flag, looks at the ring once more, and only then parks;
 * a producer publishes, then unparks the shard if the flag is up. Whichever of the two goes second
 * sees the other's write, so no event waits out a park.
 */
final class ShardIdleStrategy implements IdleStrategy {
    private final Shard shard;
    private final IdleStrategy delegate;
    /** Whether the delegate ever parks; one that only spins or yields needs no waking. */
    private final boolean parks;

    ShardIdleStrategy(Shard shard, IdleStrategy delegate) {
        this.shard = shard;
        this.delegate = delegate;
        this.parks = !(delegate instanceof BusySpinIdleStrategy || delegate instanceof YieldingIdleStrategy
                || delegate instanceof NoOpIdleStrategy);
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            delegate.reset();
            return;
        }
        if (!parks) {
            delegate.idle();
            return;
        }
        shard.wakeup.idle = true;
        if (!shard.hasEvents()) {
            delegate.idle();
        }
        shard.wakeup.idle = false;
    }

    @Override
    public void idle() {
        idle(0);
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public String alias() {
        return "wakeable-" + delegate.alias();
    }
}
