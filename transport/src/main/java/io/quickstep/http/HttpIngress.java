package io.quickstep.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.quickstep.service.StepFunctionsApi;

import java.net.InetSocketAddress;

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
    private final IngressLoops loops;
    /** Whether the loops are this ingress's own, to close with it. */
    private final boolean ownsLoops;
    private final Channel listener;

    private HttpIngress(IngressLoops loops, boolean ownsLoops, Channel listener) {
        this.loops = loops;
        this.ownsLoops = ownsLoops;
        this.listener = listener;
    }

    /**
     * Binds and starts serving on event loops of its own ({@link IngressSettings#eventLoops()}).
     *
     * @throws IllegalStateException when the address cannot be bound (in use, not this machine's), saying so
     */
    public static HttpIngress start(IngressSettings settings, StepFunctionsApi api, IngressMetrics metrics) {
        IngressLoops loops = IngressLoops.create(settings.eventLoops());
        try {
            return start(loops, true, settings, api, metrics, null);
        } catch (RuntimeException e) {
            loops.close();
            throw e;
        }
    }

    /**
     * Binds and starts serving on the given loops (their count replaces the settings'), which the
     * caller closes after this ingress and after the engine whose shards they may run.
     *
     * @throws IllegalStateException when the address cannot be bound (in use, not this machine's), saying so
     */
    public static HttpIngress start(IngressLoops loops, IngressSettings settings, StepFunctionsApi api,
                                    IngressMetrics metrics) {
        return start(loops, false, settings, api, metrics, null);
    }

    /**
     * The same, also serving the live view's pages at {@code GET /ui} ({@link WebUi}: with
     * authentication, a page request needs the UI's token or a signature).
     */
    public static HttpIngress start(IngressLoops loops, IngressSettings settings, StepFunctionsApi api,
                                    IngressMetrics metrics, WebUi ui) {
        return start(loops, false, settings, api, metrics, ui);
    }

    private static HttpIngress start(IngressLoops loops, boolean owned, IngressSettings settings,
                                     StepFunctionsApi api, IngressMetrics metrics, WebUi ui) {
        try {
            Channel listener = new ServerBootstrap().group(loops.group()).channel(loops.transport().serverChannel())
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(
                            AdaptiveRecvByteBufAllocator.DEFAULT_MINIMUM, AdaptiveRecvByteBufAllocator.DEFAULT_INITIAL,
                            IngressChannels.MAX_READ))
                    .childHandler(new IngressChannels(api, metrics, settings, ui))
                    .bind(settings.host(), settings.port()).syncUninterruptibly().channel();
            return new HttpIngress(loops, owned, listener);
        } catch (RuntimeException e) {
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
        return loops.transport().name();
    }

    /** Stops accepting connections; open ones are still served (first step of a graceful stop). */
    public void stopAccepting() {
        listener.close().syncUninterruptibly();
    }

    /**
     * Stops accepting; with loops of its own, also closes every connection once its loop has
     * written what it holds (with the caller's loops, that is {@link IngressLoops#close()}).
     */
    @Override
    public void close() {
        stopAccepting();
        if (ownsLoops) {
            loops.close();
        }
    }
}
