package io.quickstep.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;

import java.nio.charset.StandardCharsets;

/** What became of one request of an HTTP load run, read off its answer (or its absence). */
enum Outcome {
    /** A 2xx answer; for StartSyncExecution, an execution that succeeded. */
    OK("ok"),
    /** AWS's ThrottlingException: the server could not take the start. */
    THROTTLED("throttled"),
    /** StartSyncExecution answered an execution that failed, timed out or was aborted. */
    FAILED_EXECUTION("failed executions"),
    /** Any other answer that is not 2xx. */
    HTTP_ERROR("HTTP errors"),
    /** No answer within the timeout. */
    TIMEOUT("timeouts");

    private static final ByteBuf SUCCEEDED = bytes("\"status\":\"SUCCEEDED\"");
    private static final ByteBuf THROTTLING = bytes("ThrottlingException");

    /** How reports name the outcome. */
    final String label;

    Outcome(String label) {
        this.label = label;
    }

    /**
     * The outcome of an answer: StartSyncExecution's (where {@code sync}) carries the execution's status,
     * StartExecution's only says the start was accepted.
     */
    static Outcome of(FullHttpResponse response, boolean sync) {
        int status = response.status().code();
        ByteBuf body = response.content();
        if (status / 100 == 2) {
            return !sync || contains(body, SUCCEEDED) ? OK : FAILED_EXECUTION;
        }
        return contains(body, THROTTLING) ? THROTTLED : HTTP_ERROR;
    }

    private static boolean contains(ByteBuf body, ByteBuf needle) {
        return ByteBufUtil.indexOf(needle.duplicate(), body) >= 0;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
