package io.quickstep.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fixed-rate HTTP load generator, as wrk2 is (which Debian does not package): requests fall due at a
 * fixed rate, each is sent on the first of a few kept-alive connections that is free (one request in
 * flight per connection, as wrk2 and the AWS SDKs do), and its latency counts from the moment it was
 * due, so a server that stalls is charged for the requests it kept from being sent (coordinated
 * omission corrected).
 * <p>
 * Everything runs on one event-loop thread: a tick queues the requests due by then, hands them to
 * free connections and sets the next tick for when the next request falls due (the loop's timer
 * has microsecond resolution with native epoll: a fixed 1 ms tick made every request wait half a
 * millisecond on average, more than the latency being measured); an answer frees its connection for
 * the next one queued.
 */
final class HttpOpenLoop {
    static final long MAX_RATE = 1_000_000;
    /** The shortest wait between ticks: requests due closer together than this go out together. */
    private static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long DRAIN_SECONDS = 5;
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * @param latencyNanos answers to requests due in the measured seconds, from their due time
     * @param due          requests that fell due (all sent, unless the server fell behind)
     * @param unanswered   requests with no answer when the run ended (after waiting a few seconds)
     * @param connectionsClosed connections that closed before the last request was due
     * @param maxLagNanos  how late a measured request was sent at worst, waiting for a free connection
     *                     (a server that falls behind) or for the generator itself
     */
    record Result(Histogram latencyNanos, long due, long answered, long non2xx, long unanswered,
                  int connectionsClosed, long maxLagNanos, double durationSeconds) {
        double requestsPerSecond() {
            return latencyNanos.getTotalCount() / durationSeconds;
        }
    }

    private final byte[] request;
    private final long rate;
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final List<Connection> connections = new ArrayList<>();
    /** Connections with no request in flight. */
    private final ArrayDeque<Connection> free = new ArrayDeque<>();
    /** Due times of the requests due but not sent yet, oldest first. */
    private final LongQueue waiting = new LongQueue();
    private long start;
    private long measureFrom;
    private long end;
    /** Requests due so far. */
    private long due;
    private long answered;
    private long non2xx;
    private long maxLag;
    private int closed;

    private HttpOpenLoop(byte[] request, long rate) {
        this.request = request;
        this.rate = rate;
    }

    static Result run(URI url, byte[] request, long rate, int connectionCount, int warmupSeconds,
                      int durationSeconds) throws Exception {
        HttpOpenLoop loop = new HttpOpenLoop(request, rate);
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.handlers());
        try {
            return loop.run(group, transport, url, connectionCount, warmupSeconds, durationSeconds);
        } finally {
            group.shutdownGracefully(0, DRAIN_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private Result run(EventLoopGroup group, Transport transport, URI url, int connectionCount, int warmupSeconds,
                       int durationSeconds) throws Exception {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
        for (int i = 0; i < connectionCount; i++) {
            Connection connection = new Connection();
            bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20), connection);
                }
            });
            connection.channel = bootstrap.connect(url.getHost(), url.getPort()).sync().channel();
            connections.add(connection);
            free.add(connection);
        }
        CompletableFuture<Void> sending = new CompletableFuture<>();
        group.next().execute(() -> begin(group, warmupSeconds, durationSeconds, sending));
        sending.get(warmupSeconds + durationSeconds + DRAIN_SECONDS, TimeUnit.SECONDS);
        // Answers still on their way: wait for them, a few seconds at most.
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (onLoopGet(group, () -> answered < due) && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        return onLoopGet(group, () -> new Result(latency.copy(), due, answered, non2xx, due - answered, closed,
                maxLag, durationSeconds));
    }

    private void begin(EventLoopGroup group, int warmupSeconds, int durationSeconds, CompletableFuture<Void> done) {
        start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        end = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        EventLoop loop = group.next();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            long now = tick();
            if (now < end) {
                long next = dueTime(due) - System.nanoTime();
                loop.schedule(tick[0], Math.max(next, MIN_TICK_NANOS), TimeUnit.NANOSECONDS);
            } else {
                done.complete(null);
            }
        };
        loop.execute(tick[0]);
    }

    /** When request number {@code n} falls due. */
    private long dueTime(long n) {
        return start + (long) (n * (1e9 / rate));
    }

    /** Queues every request due by now and sends what free connections can take; returns now. */
    private long tick() {
        long now = System.nanoTime();
        long dueCount = (long) ((Math.min(now, end) - start) * (rate / 1e9)) + 1;
        for (; due < dueCount && dueTime(due) < end; due++) {
            waiting.add(dueTime(due));
        }
        while (!free.isEmpty() && !waiting.isEmpty()) {
            free.poll().send(waiting.remove(), now);
        }
        return now;
    }

    /** One kept-alive connection, with at most one request in flight. */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        Channel channel;
        /** When the request in flight fell due. */
        long inFlightDue;

        void send(long dueTime, long now) {
            if (dueTime >= measureFrom) {
                maxLag = Math.max(maxLag, now - dueTime);
            }
            inFlightDue = dueTime;
            channel.writeAndFlush(Unpooled.wrappedBuffer(request));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long now = System.nanoTime();
            answered++;
            if (response.status().code() / 100 != 2) {
                non2xx++;
            }
            if (inFlightDue >= measureFrom) {
                latency.recordValue(Math.min(now - inFlightDue, MAX_LATENCY_NANOS));
            }
            if (waiting.isEmpty()) {
                free.add(this);
            } else {
                send(waiting.remove(), now);
            }
        }

        /** Closed by the server (or by an error): its requests stay unanswered, and the result says so. */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (System.nanoTime() < end) {
                closed++;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private interface LoopCall<T> {
        T call();
    }

    /** Reads the generator's state on its event loop, which owns it. */
    private static <T> T onLoopGet(EventLoopGroup group, LoopCall<T> call) throws Exception {
        return group.next().submit(call::call).get(DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    /** A growable FIFO of longs, without boxing. */
    private static final class LongQueue {
        private long[] values = new long[64];
        private int head;
        private int size;

        void add(long value) {
            if (size == values.length) {
                long[] grown = new long[values.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = values[(head + i) % values.length];
                }
                values = grown;
                head = 0;
            }
            values[(head + size) % values.length] = value;
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long remove() {
            if (size == 0) {
                throw new IllegalStateException("an answer to no request");
            }
            long value = values[head];
            head = (head + 1) % values.length;
            size--;
            return value;
        }
    }
}
