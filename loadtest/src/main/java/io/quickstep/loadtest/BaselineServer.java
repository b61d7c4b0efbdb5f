package io.quickstep.loadtest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A bare Netty HTTP/1.1 server, the yardstick of the Quickstep HTTP server (issue 10): on
 * {@code POST /} it parses the JSON body as that server must (the AWS JSON 1.0 envelope and the JSON
 * text of its {@code input}) and answers a fixed document of the size of a StartSyncExecution answer,
 * and does nothing else. Keep-alive and pipelining; bound to loopback only.
 */
public final class BaselineServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    /** AWS refuses request bodies over 1 MiB; so does this server (413). */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final long SHUTDOWN_SECONDS = 5;

    private final EventLoopGroup group;
    private final Channel channel;
    private final Transport transport;

    private BaselineServer(EventLoopGroup group, Channel channel, Transport transport) {
        this.group = group;
        this.channel = channel;
        this.transport = transport;
    }

    /**
     * Starts the server on {@code port} of 127.0.0.1 (0: an ephemeral port, see {@link #port()}),
     * with {@code eventLoops} threads that accept connections and serve them.
     */
    public static BaselineServer start(int port, int eventLoops) throws InterruptedException {
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(eventLoops, transport.handlers());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel connection) {
                            connection.pipeline().addLast(new HttpServerCodec(),
                                    new HttpObjectAggregator(MAX_BODY_BYTES), new BaselineHandler());
                        }
                    })
                    .bind(HOST, port).sync().channel();
            return new BaselineServer(group, channel, transport);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Native epoll or NIO. */
    public Transport transport() {
        return transport;
    }

    /** Waits until the server is closed (by {@link #close()} on another thread). */
    public void awaitClosed() throws InterruptedException {
        channel.closeFuture().sync();
    }

    /** Stops accepting, closes the connections and ends the event loops, within a few seconds. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        group.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(2 * SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }
}
