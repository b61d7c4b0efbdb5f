package io.quickstep.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for {@code x-amzn-RequestId}: random (version 4) UUIDs drawn from the calling
 * thread's generator. {@link UUID#randomUUID()} draws from one shared SecureRandom, a lock that
 * every event loop would queue on; a request id needs to be unique, not unguessable.
 */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                 // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
