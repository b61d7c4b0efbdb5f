package io.quickstep.execution;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Execution names and ids made up when none is given. */
public final class ExecutionIds {
    private ExecutionIds() {
    }

    /**
     * A random version-4 UUID from the thread's fast generator: execution names and ids need to be
     * unique, not unpredictable, and {@link UUID#randomUUID()} costs a SecureRandom call.
     */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
