package io.quickstep.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
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

    private final StepFunctionsApi api;
    private final IngressMetrics metrics;
    private final IngressSettings settings;
    private final AtomicInteger open = new AtomicInteger();

    IngressChannels(StepFunctionsApi api, IngressMetrics metrics, IngressSettings settings) {
        this.api = api;
        this.metrics = metrics;
        this.settings = settings;
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
        pipeline.addLast(new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast(new HttpServerCodec(settings.maxInitialLine(), settings.maxHeaderSize(), MAX_CHUNK));
        pipeline.addLast(new BodyLimit(settings.maxBody()));
        pipeline.addLast(new FlowControlHandler());
        pipeline.addLast(new ApiConnection(api, metrics, settings));
    }
}
