package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.EventExecutor;
import io.quickstep.service.AwsException;

import java.util.function.BiConsumer;

/**
 * One request of a connection waiting for its answer: a slot of the connection's ring, reused once
 * its answer is written, so a request allocates no holder and no callback of its own. Whatever
 * answers the request calls {@link #accept} on any thread (it is the {@code whenComplete} callback
 * of the API's stage; a faster route for one operation completes it the same way); the answer is
 * encoded on the connection's event loop, and written there in request order.
 */
final class PendingAnswer implements BiConsumer<JsonNode, Throwable>, Runnable {
    private final ApiConnection connection;
    private final EventExecutor eventLoop;
    /** The operation's index ({@link ApiOperations}), for the request metrics. */
    int operation;
    Responses.Connection after;
    /** Set by {@link #accept} on any thread, read by {@link #run} on the event loop after the hand-off. */
    private JsonNode body;
    private Throwable failure;
    /** The encoded answer, once there is one; event loop only. */
    private FullHttpResponse response;

    PendingAnswer(ApiConnection connection, EventExecutor eventLoop) {
        this.connection = connection;
        this.eventLoop = eventLoop;
    }

    /** Takes the slot for a new request; event loop only. */
    void open(int operation, Responses.Connection after) {
        this.operation = operation;
        this.after = after;
        this.response = null;
    }

    /** The operation's outcome (one of the two is null), from any thread. */
    @Override
    public void accept(JsonNode body, Throwable failure) {
        this.body = body;
        this.failure = failure;
        if (eventLoop.inEventLoop()) {
            run();
        } else {
            eventLoop.execute(this); // the queue hand-off publishes body and failure to the event loop
        }
    }

    /** An error answered without calling the API (a bad request); event loop only. */
    void fail(AwsException error) {
        answer(Responses.error(connection.alloc(), error));
    }

    /** An answer made on the event loop (health, metrics, errors). */
    void answer(FullHttpResponse ready) {
        response = ready;
        connection.answerReady();
    }

    /** Encodes the outcome on the event loop. */
    @Override
    public void run() {
        JsonNode answered = body;
        Throwable failed = failure;
        body = null;
        failure = null;
        FullHttpResponse encoded;
        if (failed == null && answered != null) {
            try {
                encoded = Responses.json(connection.alloc(), answered);
            } catch (RuntimeException e) {
                encoded = Responses.error(connection.alloc(), ProtocolErrors.of(e, ApiOperations.label(operation)));
            }
        } else {
            Throwable cause = failed != null ? failed : new IllegalStateException("the operation answered null");
            encoded = Responses.error(connection.alloc(), ProtocolErrors.of(cause, ApiOperations.label(operation)));
        }
        answer(encoded);
    }

    /** The answer, taken out of the slot for writing; null while there is none. */
    FullHttpResponse take() {
        FullHttpResponse ready = response;
        response = null;
        return ready;
    }
}
