package io.quickstep.httptask;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quickstep.json.Json;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Netty HTTP server on an ephemeral loopback port, for tests: it records every request and
 * answers by path.
 * <ul>
 *   <li>{@code /echo...}: 200, JSON {method, uri, headers (lower-case name: value), body};
 *   <li>{@code /status/NNN}: status NNN, JSON {"error": "status NNN"};
 *   <li>{@code /flaky/KEY/N}: 503 to the first N requests of KEY, then 200 {"attempt": n};
 *   <li>{@code /slow/MS}: 200 {"slow": MS} after MS milliseconds;
 *   <li>{@code /held}: answered 200 {"held": true} only at {@link #releaseHeld()} (at once after it);
 *   <li>{@code /text}: 200 text/plain; {@code /binary}: 200 application/octet-stream;
 *       {@code /big}: 200 JSON of 300 KiB;
 *   <li>{@code /oauth/token}: a client-credentials grant for client {@code id}/{@code secret}
 *       (200 {"access_token": "token-N", "expires_in": 3600}, else 401);
 *   <li>{@code /bearer}: 200 when the Authorization is the newest token, else 401.
 * </ul>
 */
final class LoopbackApi implements AutoCloseable {
    /** What one request brought. */
    record Received(String method, String uri, Map<String, String> headers, String body) {
        String path() {
            return new QueryStringDecoder(uri).path();
        }

        Map<String, List<String>> query() {
            return new QueryStringDecoder(uri).parameters();
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Connections accepted, and of them those closed. */
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger closedConnections = new AtomicInteger();
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();
    private final List<ChannelHandlerContext> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile boolean holding = true;

    LoopbackApi() {
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.incrementAndGet();
                        channel.closeFuture().addListener(closed -> closedConnections.incrementAndGet());
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        answer(ctx, request);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close(); // a client that went away (an abandoned call)
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Answers every request held at {@code /held}, and from now on answers them at once. */
    void releaseHeld() {
        holding = false;
        for (ChannelHandlerContext ctx : held) {
            ctx.executor().execute(() -> send(ctx, HttpResponseStatus.OK, "application/json", "{\"held\":true}"));
        }
        held.clear();
    }

    int heldCount() {
        return held.size();
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        Map<String, String> headers = new java.util.TreeMap<>();
        request.headers().forEach(header -> headers.merge(header.getKey().toLowerCase(java.util.Locale.ROOT),
                header.getValue(), (a, b) -> a + ", " + b));
        String body = request.content().toString(StandardCharsets.UTF_8);
        Received got = new Received(request.method().name(), request.uri(), headers, body);
        received.add(got);
        String path = got.path();
        String[] parts = path.split("/");
        if (path.startsWith("/echo")) {
            var echo = Json.NODES.objectNode().put("method", got.method()).put("uri", got.uri()).put("body", body);
            headers.forEach(echo.putObject("headers")::put);
            send(ctx, HttpResponseStatus.OK, "application/json", Json.write(echo));
        } else if (path.startsWith("/status/")) {
            int status = Integer.parseInt(parts[2]);
            send(ctx, HttpResponseStatus.valueOf(status), "application/json", "{\"error\":\"status " + status + "\"}");
        } else if (path.startsWith("/flaky/")) {
            int attempt = flaky.computeIfAbsent(parts[2], key -> new AtomicInteger()).incrementAndGet();
            if (attempt <= Integer.parseInt(parts[3])) {
                send(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "application/json", "{\"busy\":" + attempt + "}");
            } else {
                send(ctx, HttpResponseStatus.OK, "application/json", "{\"attempt\":" + attempt + "}");
            }
        } else if (path.startsWith("/slow/")) {
            ctx.executor().schedule(() -> send(ctx, HttpResponseStatus.OK, "application/json",
                    "{\"slow\":" + parts[2] + "}"), Long.parseLong(parts[2]), TimeUnit.MILLISECONDS);
        } else if (path.equals("/held") && holding) {
            held.add(ctx);
        } else if (path.equals("/held")) {
            send(ctx, HttpResponseStatus.OK, "application/json", "{\"held\":true}");
        } else if (path.equals("/text")) {
            send(ctx, HttpResponseStatus.OK, "text/plain; charset=UTF-8", "plain words");
        } else if (path.equals("/binary")) {
            send(ctx, HttpResponseStatus.OK, "application/octet-stream", "\u0000\u0001");
        } else if (path.equals("/big")) {
            send(ctx, HttpResponseStatus.OK, "application/json", "\"" + "x".repeat(300 * 1024) + "\"");
        } else if (path.equals("/oauth/token")) {
            if (!"Basic aWQ6c2VjcmV0".equals(headers.get("authorization")) // id:secret
                    || !body.startsWith("grant_type=client_credentials")) {
                send(ctx, HttpResponseStatus.UNAUTHORIZED, "application/json", "{\"error\":\"invalid_client\"}");
            } else {
                send(ctx, HttpResponseStatus.OK, "application/json", "{\"access_token\":\"token-"
                        + tokens.incrementAndGet() + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
            }
        } else if (path.equals("/bearer")) {
            boolean newest = ("Bearer token-" + tokens.get()).equals(headers.get("authorization"));
            send(ctx, newest ? HttpResponseStatus.OK : HttpResponseStatus.UNAUTHORIZED, "application/json",
                    "{\"authorized\":" + newest + "}");
        } else {
            send(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", "no " + path);
        }
    }

    /** Tokens granted so far. */
    int tokensGranted() {
        return tokens.get();
    }

    /** Forgets the grants: the next /bearer call with an older token is refused. */
    void newGrantExpected() {
        tokens.incrementAndGet();
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().add("X-Multi", "one").add("x-multi", "two");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ctx.writeAndFlush(response);
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
