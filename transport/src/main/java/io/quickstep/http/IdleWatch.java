package io.quickstep.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;

import java.time.Duration;

/**
 * Decides whether a connection is idle, asked each time its client has sent nothing for the idle
 * timeout (an {@link io.netty.handler.timeout.IdleStateHandler} watching reads only): idle unless an
 * answer is pending, or one was written within the timeout, or the client is still taking an answer
 * off the socket. Writes are not watched by the handler, which would cost a promise and a listener
 * per answer (about 4% of the event loop's time on StartSyncExecution); answers are noted here
 * once per flush instead. So a silent connection is closed between one and two timeouts after its
 * last traffic.
 */
final class IdleWatch {
    private final long timeoutNanos;
    private long lastAnswerNanos = System.nanoTime();
    /** The outbound buffer as last seen idle: bytes pending and how far the current one was written. */
    private long pendingBytes;
    private long progress;

    IdleWatch(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Answers were just written. */
    void answered() {
        lastAnswerNanos = System.nanoTime();
    }

    /** Whether to close the connection, which has no request in flight and read nothing for the timeout. */
    boolean idle(Channel channel) {
        if (System.nanoTime() - lastAnswerNanos < timeoutNanos) {
            return false;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        if (out == null || out.totalPendingWriteBytes() == 0) {
            return true;
        }
        boolean stuck = out.totalPendingWriteBytes() == pendingBytes && out.currentProgress() == progress;
        pendingBytes = out.totalPendingWriteBytes();
        progress = out.currentProgress();
        return stuck;
    }
}
