package io.quickstep.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link BaselineServer}'s one handler: parses the body of {@code POST /} and answers
 * {@link #ANSWER}; malformed JSON gets a 400 in AWS's error shape, other paths a 404. Answers are
 * written as requests arrive and flushed once per read, so pipelined requests share a flush.
 */
final class BaselineHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** What StartSyncExecution answers for a one-state Pass machine on start-sync.lua's input (555 bytes). */
    static final byte[] ANSWER = ("{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:express:pass:"
            + "8d3e8b2a-5c1f-4f57-a0b4-3f2d1c9e7b60:c1a4f3de-92b7-4d0e-8a66-1e5f0d7c2b94\","
            + "\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:pass\","
            + "\"name\":\"8d3e8b2a-5c1f-4f57-a0b4-3f2d1c9e7b60\",\"startDate\":1.733000000123E9,"
            + "\"stopDate\":1.733000000124E9,\"status\":\"SUCCEEDED\",\"output\":\"{\\\"hello\\\":\\\"world\\\"}\","
            + "\"outputDetails\":{\"included\":true},\"input\":\"{\\\"hello\\\":\\\"world\\\"}\","
            + "\"inputDetails\":{\"included\":true},"
            + "\"billingDetails\":{\"billedMemoryUsedInMB\":64,\"billedDurationInMilliseconds\":100}}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] MALFORMED = "{\"__type\":\"SerializationException\",\"message\":\"malformed JSON\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final AsciiString AMZ_JSON = AsciiString.cached("application/x-amz-json-1.0");

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        FullHttpResponse response;
        if (!"/".equals(request.uri())) {
            response = answer(HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER);
        } else if (!HttpMethod.POST.equals(request.method())) {
            response = answer(HttpResponseStatus.METHOD_NOT_ALLOWED, Unpooled.EMPTY_BUFFER);
        } else if (parses(request.content())) {
            response = answer(HttpResponseStatus.OK, Unpooled.wrappedBuffer(ANSWER));
        } else {
            response = answer(HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(MALFORMED));
        }
        if (HttpUtil.isKeepAlive(request)) {
            HttpUtil.setKeepAlive(response, true); // said explicitly only to HTTP/1.0 clients
            ctx.write(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static boolean parses(ByteBuf body) {
        try (InputStream in = new ByteBufInputStream(body)) {
            BaselineRequest.parse(in);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static FullHttpResponse answer(HttpResponseStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, AMZ_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset or broken connection: nothing to answer
    }
}
