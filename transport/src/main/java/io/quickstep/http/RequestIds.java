package io.quickstep.http;

import io.quickstep.execution.ExecutionIds;

/**
 * Request ids for {@code x-amzn-RequestId}: random (version 4) UUIDs drawn from the calling
 * thread's generator, as execution names are ({@link ExecutionIds}). {@link java.util.UUID#randomUUID()}
 * draws from one shared SecureRandom, a lock that every event loop would queue on; a request id needs
 * to be unique, not unguessable.
 */
final class RequestIds {
    private RequestIds() {
    }

    static String next() {
        return ExecutionIds.random();
    }
}
