package io.quickstep.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ingress's event-loop threads, made before the engine so that the engine can run one shard
 * on each ({@link io.quickstep.api.Engine.Context#runShardsOn}): a connection's requests then start
 * their executions on the shard its own loop runs, and the answers come back without a wake-up of
 * another thread. Close it after the engine, which needs the loops to finish its executions.
 * Clients may share the loops too ({@link #group()} with {@link #socketChannel()}): the HTTP tasks
 * of {@code serve} do.
 */
public final class IngressLoops implements AutoCloseable {
    private final IoTransport transport;
    private final EventLoopGroup group;

    private IngressLoops(IoTransport transport, EventLoopGroup group) {
        this.transport = transport;
        this.group = group;
    }

    /** {@code count} event-loop threads on the chosen I/O transport ({@link IoTransport#choose()}). */
    public static IngressLoops create(int count) {
        return create(count, "quickstep-http");
    }

    /** {@code count} event-loop threads named {@code threadName-…}, on the chosen I/O transport. */
    public static IngressLoops create(int count, String threadName) {
        IoTransport transport = IoTransport.choose();
        return new IngressLoops(transport, new MultiThreadIoEventLoopGroup(count,
                new DefaultThreadFactory(threadName, true), transport.handlers()));
    }

    /** Each event loop, to host a shard. */
    public List<ScheduledExecutorService> eachLoop() {
        List<ScheduledExecutorService> loops = new ArrayList<>();
        for (EventExecutor loop : group) {
            loops.add(loop);
        }
        return loops;
    }

    IoTransport transport() {
        return transport;
    }

    /** The loops, for a client's {@code Bootstrap}. */
    public EventLoopGroup group() {
        return group;
    }

    /** The TCP client channel of the loops' transport. */
    public Class<? extends SocketChannel> socketChannel() {
        return transport.socketChannel();
    }

    /** The UDP channel of the loops' transport (for a DNS resolver on them). */
    public Class<? extends DatagramChannel> datagramChannel() {
        return transport.datagramChannel();
    }

    /** Stops the loops once each has written what it holds (at most two seconds). */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
