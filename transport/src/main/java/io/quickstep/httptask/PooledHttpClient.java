package io.quickstep.httptask;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.http.IngressLoops;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An asynchronous HTTP/1.1 client on Netty for HTTP tasks: a pool of kept-alive connections per
 * host ({@link FixedChannelPool}: at most {@code maxConnectionsPerHost}, further calls wait for one),
 * host names resolved without blocking a loop (Netty's DNS resolver), TLS for {@code https}. Each
 * call's future completes on a loop with the whole answer, or fails with {@code States.Http.Socket}
 * (no connection, a connection lost, no answer within the answer limit) or
 * {@code States.DataLimitExceeded} (an answer over {@link HttpTasks#MAX_RESPONSE_BYTES}). Cancelling
 * the future abandons the call: its connection is closed, not reused.
 */
final class PooledHttpClient implements AutoCloseable {
    /** A pooled connection idle this long is closed, before servers' usual idle timeouts close it under a call. */
    private static final int IDLE_SECONDS = 30;
    private static final AttributeKey<Call> CALL = AttributeKey.valueOf("quickstep.httptask.call");

    /** Where calls go: one pool of connections each. */
    record Target(boolean tls, String host, int port) {
        static Target of(URI uri) {
            String host = uri.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Target(uri.getScheme().equalsIgnoreCase("https"), host.toLowerCase(Locale.ROOT),
                    HostAllowList.port(uri));
        }

        /** The Host header: the host, and the port when it is not the scheme's. */
        String hostHeader() {
            String name = host.contains(":") ? "[" + host + "]" : host;
            return port == (tls ? 443 : 80) ? name : name + ":" + port;
        }

        @Override
        public String toString() {
            return (tls ? "https://" : "http://") + hostHeader();
        }
    }

    /** A whole answer: status line, headers in the order received, body. */
    record Answer(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private final EventLoopGroup group;
    private final IngressLoops ownLoops;
    private final Duration answerLimit;
    private final DnsAddressResolverGroup resolver;
    private final AbstractChannelPoolMap<Target, HostPool> pools;
    /** Made at once: reading the JDK's trusted certificates on a loop, at the first https call, would hold it. */
    private final SslContext ssl;

    /**
     * A client on {@code loops} ({@code ownLoops}, closed with the client, or the caller's), with at
     * most {@code maxConnectionsPerHost} connections and {@code maxWaiting} calls waiting for one per
     * host, connecting within {@code connectTimeout} and answered within {@code answerLimit}.
     */
    PooledHttpClient(IngressLoops loops, boolean ownLoops, int maxConnectionsPerHost, int maxWaiting,
                     Duration connectTimeout, Duration answerLimit) {
        this.group = loops.group();
        this.ownLoops = ownLoops ? loops : null;
        this.answerLimit = answerLimit;
        try {
            this.ssl = SslContextBuilder.forClient().build(); // the JDK's trusted certificates (javax.net.ssl.trustStore)
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for HTTP tasks: " + e.getMessage(), e);
        }
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(loops.datagramChannel()));
        Bootstrap base = new Bootstrap().group(group).channel(loops.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .resolver(resolver);
        this.pools = new AbstractChannelPoolMap<>() {
            @Override
            protected HostPool newPool(Target target) {
                // One loop for the host's pool: its queue, its connections and its promises.
                EventLoop loop = group.next();
                return new HostPool(loop, base.clone(loop).remoteAddress(
                        InetSocketAddress.createUnresolved(target.host(), target.port())),
                        new Connections(target), answerLimit.toMillis(), maxConnectionsPerHost, maxWaiting);
            }
        };
    }

    /**
     * Sends the request {@code request} makes (made on the connection's loop, when one is had) to
     * {@code target}; the future completes as the class comment says.
     */
    CompletableFuture<Answer> send(Target target, Supplier<FullHttpRequest> request) {
        HostPool pool;
        try {
            pool = pools.get(target);
        } catch (IllegalStateException closed) {
            return CompletableFuture.failedFuture(socket(target, "the HTTP client is closed"));
        }
        Call call = new Call(target, pool, request);
        call.result.whenComplete((answer, error) -> call.ended());
        // One hand-off, to the host's loop, which sets the limit and asks the pool: the pool, its
        // connections and their promises live on that loop, so nothing else hands off until the answer.
        EventLoop loop = pool.loop;
        loop.execute(() -> {
            call.limit = loop.schedule(() -> call.result.completeExceptionally(socket(target, "no answer within "
                    + answerLimit.toSeconds() + " seconds")), answerLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (call.result.isDone()) { // cancelled before it began
                call.limit.cancel(false);
                return;
            }
            pool.acquire().addListener((Future<Channel> acquired) -> {
                if (acquired.isSuccess()) {
                    Channel channel = acquired.getNow();
                    if (channel.eventLoop().inEventLoop()) {
                        call.attach(channel);
                    } else {
                        channel.eventLoop().execute(() -> call.attach(channel));
                    }
                } else {
                    call.result.completeExceptionally(failure(target, acquired.cause()));
                }
            });
        });
        return call.result;
    }

    /** A host's pool of connections, all of them on one loop. */
    private static final class HostPool extends FixedChannelPool {
        final EventLoop loop;

        HostPool(EventLoop loop, Bootstrap bootstrap, ChannelPoolHandler handler, long acquireTimeoutMillis,
                 int maxConnections, int maxPendingAcquires) {
            super(bootstrap, handler, ChannelHealthChecker.ACTIVE, AcquireTimeoutAction.FAIL, acquireTimeoutMillis,
                    maxConnections, maxPendingAcquires, true, true);
            this.loop = loop;
        }
    }

    /** Closes every pooled connection, then the loops when they are the client's own. */
    @Override
    public void close() {
        pools.close();
        resolver.close();
        if (ownLoops != null) {
            ownLoops.close();
        }
    }

    /** The failure a call gets for {@code cause}. */
    static ExecutionFailure failure(Target target, Throwable cause) {
        if (cause instanceof ExecutionFailure) {
            return (ExecutionFailure) cause;
        }
        if (cause instanceof TooLongFrameException) {
            return new ExecutionFailure(StatesErrors.DATA_LIMIT_EXCEEDED, "The answer of " + target + " is larger than "
                    + HttpTasks.MAX_RESPONSE_BYTES + " bytes, the most a task's result may hold");
        }
        if (cause instanceof ConnectTimeoutException) {
            return socket(target, "could not connect: " + cause.getMessage());
        }
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return socket(target, "no connection became free in time (all of the host's pooled connections were busy)");
        }
        if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("Too many")) {
            return socket(target, "too many calls wait for a connection to this host (HttpTasks.Settings"
                    + ".maxWaitingPerHost)");
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return socket(target, message);
    }

    static ExecutionFailure socket(Target target, String problem) {
        return new ExecutionFailure(HttpTasks.SOCKET, "The HTTP request to " + target + " failed: " + problem);
    }

    /** Sets up each new connection of a target's pool. */
    private final class Connections extends AbstractChannelPoolHandler {
        private final Target target;

        Connections(Target target) {
            this.target = target;
        }

        @Override
        public void channelCreated(Channel channel) {
            if (target.tls()) {
                SslHandler tls = ssl.newHandler(channel.alloc(), target.host(), target.port());
                SSLParameters parameters = tls.engine().getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                tls.engine().setSSLParameters(parameters);
                channel.pipeline().addLast(tls);
            }
            channel.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS), new HttpClientCodec(),
                    new HttpObjectAggregator(HttpTasks.MAX_RESPONSE_BYTES), Answers.INSTANCE);
        }
    }

    /** Hands each answer, or the connection's failure, to the call it belongs to. */
    @ChannelHandler.Sharable
    private static final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {
        static final Answers INSTANCE = new Answers();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Call call = ctx.channel().attr(CALL).getAndSet(null);
            if (call == null) {
                ctx.close(); // an answer nobody asked for: the connection cannot be trusted
                return;
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            response.headers().forEach(headers::add);
            call.reusable = HttpUtil.isKeepAlive(response);
            call.result.complete(new Answer(response.status().code(), response.status().reasonPhrase(),
                    headers, ByteBufUtil.getBytes(response.content())));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Call call = ctx.channel().attr(CALL).getAndSet(null);
            if (call != null) {
                call.result.completeExceptionally(failure(call.target, cause));
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Call call = ctx.channel().attr(CALL).getAndSet(null);
            if (call != null) {
                call.result.completeExceptionally(socket(call.target, "the connection closed before the answer"));
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && ctx.channel().attr(CALL).get() == null) {
                ctx.close();
            }
        }
    }

    /**
     * One call: its future, and the connection it holds once one is acquired. Whatever ends the
     * call (its answer, a failure, the limit, a cancel) completes the future, and the end gives the
     * connection back to its pool exactly once, on the connection's loop: kept for the next call
     * when the answer came whole and the server keeps it alive, closed otherwise.
     */
    private static final class Call {
        final CompletableFuture<Answer> result = new CompletableFuture<>();
        final Target target;
        final FixedChannelPool pool;
        final Supplier<FullHttpRequest> request;
        volatile ScheduledFuture<?> limit;
        /** Set on the loop once acquired; read by {@link #ended} on any thread. */
        volatile Channel channel;
        /** Set by the answer before it completes the future. */
        volatile boolean reusable;
        /** On the connection's loop only. */
        private boolean released;

        Call(Target target, FixedChannelPool pool, Supplier<FullHttpRequest> request) {
            this.target = target;
            this.pool = pool;
            this.request = request;
        }

        /** On the connection's loop: sends the request, unless the call ended while it waited. */
        void attach(Channel acquired) {
            channel = acquired;
            if (result.isDone()) {
                release();
                return;
            }
            FullHttpRequest sent;
            try {
                sent = request.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e); // ended() gives the connection back
                return;
            }
            acquired.attr(CALL).set(this);
            acquired.writeAndFlush(sent).addListener(written -> {
                if (!written.isSuccess()) {
                    acquired.attr(CALL).compareAndSet(this, null);
                    result.completeExceptionally(failure(target, written.cause()));
                }
            });
        }

        /** The future completed (on any thread): stops the limit and gives the connection back. */
        void ended() {
            ScheduledFuture<?> timer = limit;
            if (timer != null) {
                timer.cancel(false);
            }
            Channel held = channel;
            if (held != null) {
                held.eventLoop().execute(this::release);
            }
        }

        private void release() {
            if (released) {
                return;
            }
            released = true;
            Channel held = channel;
            held.attr(CALL).compareAndSet(this, null);
            if (!reusable || result.isCompletedExceptionally()) {
                held.close();
            }
            pool.release(held);
        }
    }
}
