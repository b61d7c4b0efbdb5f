package io.quickstep.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.quickstep.service.StepFunctionsApi;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP ingress: the AWS Step Functions JSON 1.0 API on Netty, plus {@code GET /health} and
 * {@code GET /metrics}. A fixed group of event loops accepts and serves the connections (each
 * connection stays on one loop); requests are decoded and parsed on the loop, handed to the
 * {@link StepFunctionsApi}, and answered from its completion, so no thread waits for an execution.
 *
 * <pre>{@code
 * try (HttpIngress ingress = HttpIngress.start(IngressSettings.defaults(), api, metrics)) {
 *     System.out.println("listening on " + ingress.address());
 *     ...
 * }
 * }</pre>
 */
public final class HttpIngress implements AutoCloseable {
    private static final int BACKLOG = 1024;
    private final EventLoopGroup loops;
    private final Channel listener;
    private final IoTransport transport;

    private HttpIngress(EventLoopGroup loops, Channel listener, IoTransport transport) {
        this.loops = loops;
        this.listener = listener;
        this.transport = transport;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException when the address cannot be bound (in use, not this machine's), saying so
     */
    public static HttpIngress start(IngressSettings settings, StepFunctionsApi api, IngressMetrics metrics) {
        IoTransport transport = IoTransport.choose();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(settings.eventLoops(),
                new DefaultThreadFactory("quickstep-http", true), transport.handlers());
        try {
            Channel listener = new ServerBootstrap().group(loops).channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(
                            AdaptiveRecvByteBufAllocator.DEFAULT_MINIMUM, AdaptiveRecvByteBufAllocator.DEFAULT_INITIAL,
                            IngressChannels.MAX_READ))
                    .childHandler(new IngressChannels(api, metrics, settings))
                    .bind(settings.host(), settings.port()).syncUninterruptibly().channel();
            return new HttpIngress(loops, listener, transport);
        } catch (RuntimeException e) {
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bound address (with the port chosen when the settings asked for port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** The I/O transport in use: {@code epoll}, {@code io_uring} or {@code nio}. */
    public String transport() {
        return transport.name();
    }

    /** Stops accepting connections; open ones are still served (first step of a graceful stop). */
    public void stopAccepting() {
        listener.close().syncUninterruptibly();
    }

    /** Stops accepting and closes every connection once its loop has written what it holds. */
    @Override
    public void close() {
        stopAccepting();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
