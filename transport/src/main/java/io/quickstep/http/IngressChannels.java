package io.quickstep.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.quickstep.service.StepFunctionsApi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sets up each accepted connection, one handler per job:
 * <pre>
 * bytes -> IdleStateHandler (idle timeout) -> HttpServerCodec (line and header limits)
 *       -> BodyLimit (whole requests of at most 1 MiB) -> FlowControlHandler (one request per read
 *          while reading is paused) -> ApiConnection (route, call, answer in order)
 * </pre>
 * and refuses a connection beyond {@link IngressSettings#maxConnections()} by closing it at once.
 */
final class IngressChannels extends ChannelInitializer<SocketChannel> {
    /** HTTP chunks of the body are aggregated anyway; this only sizes the decoder's pieces. */
    private static final int MAX_CHUNK = 64 * 1024;
    /** Bytes of the socket read at once (Netty's default, made explicit: {@link #maxPipelineDepth} relies on it). */
    static final int MAX_READ = 64 * 1024;
    /** The shortest request there is: {@code GET / HTTP/1.1\r\n\r\n} has 18 bytes. */
    private static final int MIN_REQUEST = 16;

    private final StepFunctionsApi api;
    private final IngressMetrics metrics;
    private final IngressSettings settings;
    private final WebUi ui;
    private final AtomicInteger open = new AtomicInteger();

    IngressChannels(StepFunctionsApi api, IngressMetrics metrics, IngressSettings settings, WebUi ui) {
        this.api = api;
        this.metrics = metrics;
        this.settings = settings;
        this.ui = ui;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        ChannelPipeline pipeline = channel.pipeline();
        // Reads only: a client still sending is never idle; ApiConnection's IdleWatch judges the rest.
        pipeline.addLast(new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(settings.maxInitialLine())
                .setMaxHeaderSize(settings.maxHeaderSize()).setMaxChunkSize(MAX_CHUNK), maxPipelineDepth(settings)));
        pipeline.addLast(new BodyLimit(settings.maxBody()));
        pipeline.addLast(new FlowControlHandler());
        pipeline.addLast(new ApiConnection(api, metrics, settings, ui));
    }

    /**
     * Requests the codec may have decoded and not yet seen answered, beyond which it fails the
     * connection (Netty's guard against unbounded pipelining, 128 by default). Its count runs ahead
     * of {@link ApiConnection}'s bound: when reading pauses, the codec still decodes every request of
     * the bytes already read, and {@link io.netty.handler.flow.FlowControlHandler} holds them. So
     * the depth is the requests in flight plus what one read and a partial request before it can
     * hold; with Netty's default of 128, a client pipelining more than about 100 StartSyncExecution
     * requests had its connection reset.
     */
    static int maxPipelineDepth(IngressSettings settings) {
        int heldBytes = MAX_READ + settings.maxInitialLine() + settings.maxHeaderSize();
        return settings.maxInFlightPerConnection() + heldBytes / MIN_REQUEST + 1;
    }
}
