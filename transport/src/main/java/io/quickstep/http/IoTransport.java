package io.quickstep.http;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

import java.util.Locale;

/**
 * The I/O transport the event loops run: a Netty 4.2 {@link IoHandlerFactory}, its server channel,
 * and the client channels of that transport (for HTTP tasks sharing the loops: TCP, and UDP for DNS). {@code auto} takes native epoll where the machine has it (Linux x86-64, the jar's native
 * library loads), else NIO; io_uring is taken only when asked for ({@value #PROPERTY}{@code =io_uring}),
 * since kernels and container seccomp profiles often refuse it, and when it is refused it falls back
 * as {@code auto} does.
 */
record IoTransport(String name, IoHandlerFactory handlers, Class<? extends ServerChannel> serverChannel,
                   Class<? extends SocketChannel> socketChannel, Class<? extends DatagramChannel> datagramChannel) {
    /** The system property that chooses: {@code auto} (default), {@code epoll}, {@code io_uring} or {@code nio}. */
    static final String PROPERTY = "quickstep.http.transport";

    static IoTransport choose() {
        return choose(System.getProperty(PROPERTY, "auto"));
    }

    static IoTransport choose(String wanted) {
        switch (wanted.toLowerCase(Locale.ROOT)) {
            case "io_uring":
                if (IoUring.isAvailable()) {
                    return new IoTransport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                            IoUringSocketChannel.class, IoUringDatagramChannel.class);
                }
                return choose("auto");
            case "nio":
                return nio();
            case "auto":
            case "epoll":
                return Epoll.isAvailable()
                        ? new IoTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                                EpollSocketChannel.class, EpollDatagramChannel.class)
                        : nio();
            default:
                throw new IllegalArgumentException(PROPERTY + " must be auto, epoll, io_uring or nio, was " + wanted);
        }
    }

    private static IoTransport nio() {
        return new IoTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class,
                NioDatagramChannel.class);
    }
}
