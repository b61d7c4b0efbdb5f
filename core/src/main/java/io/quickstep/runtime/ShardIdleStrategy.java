package io.quickstep.runtime;

import org.agrona.concurrent.IdleStrategy;

/**
 * Wraps the configured idle strategy so that a shard about to park can be woken at once by a
 * producer: the shard raises its idle flag, looks at the ring once more, and only then parks;
 * a producer publishes, then unparks the shard if the flag is up. Whichever of the two goes second
 * sees the other's write, so no event waits out a park.
 */
final class ShardIdleStrategy implements IdleStrategy {
    private final Shard shard;
    private final IdleStrategy delegate;

    ShardIdleStrategy(Shard shard, IdleStrategy delegate) {
        this.shard = shard;
        this.delegate = delegate;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            delegate.reset();
            return;
        }
        shard.idle = true;
        if (!shard.hasEvents()) {
            delegate.idle();
        }
        shard.idle = false;
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
