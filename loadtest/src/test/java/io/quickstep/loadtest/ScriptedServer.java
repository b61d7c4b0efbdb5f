package io.quickstep.loadtest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A test server whose answers a script decides, by the number of the request (from 0, in arrival
 * order): the status, the body, and how long to hold the answer back (an injected pause).
 */
final class ScriptedServer implements AutoCloseable {
    /** What to answer one request. */
    record Answer(int status, String body, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, 0);
        }
    }

    static final String SUCCEEDED = "{\"status\":\"SUCCEEDED\",\"output\":\"{}\","
            + "\"billingDetails\":{\"billedMemoryUsedInMB\":64,\"billedDurationInMilliseconds\":100}}";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, Transport.best().handlers());
    private final AtomicLong requests = new AtomicLong();
    private final Channel channel;

    ScriptedServer(LongFunction<Answer> script) throws InterruptedException {
        channel = new ServerBootstrap().group(group).channel(Transport.best().serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel connection) {
                        connection.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        answer(ctx, script.apply(requests.getAndIncrement()));
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    private static void answer(ChannelHandlerContext ctx, Answer answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(answer.body().getBytes(StandardCharsets.UTF_8)));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (answer.delayMillis() > 0) {
            ctx.executor().schedule(() -> ctx.writeAndFlush(response), answer.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + "/");
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
