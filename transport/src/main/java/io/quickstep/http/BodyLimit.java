package io.quickstep.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpContentException;

/**
 * Aggregates a request into one {@link FullHttpRequest} of at most {@code maxBody} bytes. A larger
 * one (by its Content-Length, or as its chunks arrive) is not answered here, as Netty's aggregator
 * would, out of turn and without AWS's error: it goes on as a request whose decoder result is a
 * {@link TooLongHttpContentException}, answered in its turn with AWS's error, while the aggregator
 * skips the rest of its body and the connection goes on.
 */
final class BodyLimit extends HttpObjectAggregator {
    BodyLimit(int maxBody) {
        super(maxBody);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest request)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        FullHttpRequest refused = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                request.uri(), Unpooled.EMPTY_BUFFER, request.headers().copy(), EmptyHttpHeaders.INSTANCE);
        refused.setDecoderResult(DecoderResult.failure(new TooLongHttpContentException(
                "request body over " + maxContentLength() + " bytes")));
        ctx.fireChannelRead(refused);
    }
}
