package io.quickstep.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
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
import java.util.function.Consumer;

/**
 * The HTTP load generator. Open loop (a {@link Schedule}): requests fall due on the schedule,
 * each is sent on the first of a few kept-alive connections that is free (one request in flight per
 * connection, as wrk2 and the AWS SDKs do), and its latency counts from the moment it was due, so a
 * server that stalls is charged for the requests it kept from being sent (coordinated omission
 * corrected; the latency from sending is kept too, uncorrected, to show the difference). Closed loop
 * (no schedule): each connection sends its next request as soon as the last is answered, for the
 * highest rate the server sustains.
 * <p>
 * Everything runs on one event-loop thread: a tick queues the requests due by then, hands them to
 * free connections and sets the next tick for when the next request falls due (the loop's timer has
 * microsecond resolution with native epoll); an answer frees its connection for the next one
 * queued. A request unanswered after the timeout counts as a timeout, and its connection is closed
 * and replaced.
 */
final class HttpLoad {
    static final long MAX_RATE = 1_000_000;
    /** The shortest wait between ticks: requests due closer together than this go out together. */
    private static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long SHUTDOWN_SECONDS = 5;
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * What to run.
     *
     * @param request  the whole request, head and body, as it goes on the wire
     * @param sync     StartSyncExecution (whose answers carry the execution's status) or StartExecution
     * @param schedule when requests fall due; null for a closed loop
     */
    record Settings(URI url, byte[] request, boolean sync, Schedule schedule, int connections, long warmupNanos,
                    long durationNanos, long timeoutNanos) {
    }

    /**
     * What the measured part of a run did: requests due in the measured time, and their answers.
     *
     * @param latencyNanos      from each request's due time (coordinated omission corrected)
     * @param uncorrectedNanos  from when each request was sent
     * @param due               requests that fell due, warm-up included
     * @param outcomes          measured requests by {@link Outcome} (indexed by ordinal)
     * @param unanswered        requests with neither an answer nor a timeout when the run ended
     * @param connectionsClosed connections that the server closed before the end
     * @param maxLagNanos       how late a measured request was sent at worst (waiting for a free
     *                          connection, or for the generator itself)
     * @param durationSeconds   the measured time, or until the last measured answer when that came later
     * @param intervals         the measured seconds, in order (by answer time; a server that falls
     *                          behind has seconds after the measured time)
     * @param billing           the billing details of the measured StartSyncExecution answers
     */
    record Result(Histogram latencyNanos, Histogram uncorrectedNanos, long due, long[] outcomes, long unanswered,
                  int connectionsClosed, long maxLagNanos, double durationSeconds, List<Interval> intervals,
                  Billing billing) {

        /**
         * Measured answers (timeouts included) per second, over the measured time or, when the last
         * measured answer came later, until it came.
         */
        double requestsPerSecond() {
            return latencyNanos.getTotalCount() / durationSeconds;
        }

        long count(Outcome outcome) {
            return outcomes[outcome.ordinal()];
        }

        /** Measured requests whose outcome was not {@link Outcome#OK}. */
        long errors() {
            return latencyNanos.getTotalCount() - count(Outcome.OK);
        }
    }

    private final Settings settings;
    private final Consumer<Interval> progress;
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram uncorrected = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram second = new Histogram(MAX_LATENCY_NANOS, 3);
    private final long[] outcomes = new long[Outcome.values().length];
    private final Billing billing = new Billing();
    private final List<Interval> intervals = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    /** Connections with no request in flight. */
    private final ArrayDeque<Connection> free = new ArrayDeque<>();
    /** Due times of the requests due but not sent yet, oldest first. */
    private final LongQueue waiting = new LongQueue();
    private Bootstrap bootstrap;
    private EventLoop loop;
    private long start;
    private long measureFrom;
    private long end;
    /** Requests due so far. */
    private long due;
    /** Requests answered or timed out so far. */
    private long completed;
    private long secondErrors;
    private long maxLag;
    private int closed;
    /** When the last measured request was answered (or timed out). */
    private long lastMeasured;

    private HttpLoad(Settings settings, Consumer<Interval> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the load, telling {@code progress} of each measured second as it ends (on the generator's thread). */
    static Result run(Settings settings, Consumer<Interval> progress) throws Exception {
        HttpLoad load = new HttpLoad(settings, progress);
        Transport transport = Transport.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, transport.handlers());
        try {
            return load.run(group, transport);
        } finally {
            group.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private Result run(EventLoopGroup group, Transport transport) throws Exception {
        loop = group.next();
        bootstrap = new Bootstrap().group(group).channel(transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
        for (int i = 0; i < settings.connections(); i++) {
            Connection connection = connect();
            connection.channel = connection.connecting.sync().channel();
            free.add(connection);
        }
        CompletableFuture<Void> sending = new CompletableFuture<>();
        loop.execute(() -> begin(sending));
        long runNanos = settings.warmupNanos() + settings.durationNanos();
        sending.get(runNanos + TimeUnit.SECONDS.toNanos(SHUTDOWN_SECONDS), TimeUnit.NANOSECONDS);
        // Answers still on their way: wait for them until they time out.
        long drainUntil = System.nanoTime() + settings.timeoutNanos() + SECOND;
        while (onLoop(() -> completed < due) && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        return onLoop(this::result);
    }

    private Result result() {
        if (second.getTotalCount() > 0) {
            endSecond();
        }
        long measuredNanos = Math.max(settings.durationNanos(), lastMeasured - measureFrom);
        return new Result(latency.copy(), uncorrected.copy(), due, outcomes.clone(), due - completed, closed, maxLag,
                measuredNanos / 1e9, List.copyOf(intervals), billing);
    }

    /** A new connection to the target, its handler in place; {@link Connection#connecting} tells when it is up. */
    private Connection connect() {
        Connection connection = new Connection();
        connection.connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20), connection);
            }
        }).connect(settings.url().getHost(), settings.url().getPort());
        connections.add(connection);
        return connection;
    }

    private void begin(CompletableFuture<Void> done) {
        start = System.nanoTime();
        measureFrom = start + settings.warmupNanos();
        end = measureFrom + settings.durationNanos();
        loop.scheduleAtFixedRate(this::endSecond, measureFrom + SECOND - start, SECOND, TimeUnit.NANOSECONDS);
        long check = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(settings.timeoutNanos() / 10, SECOND / 10));
        loop.scheduleAtFixedRate(this::timeOut, check, check, TimeUnit.NANOSECONDS);
        if (settings.schedule() == null) {
            while (!free.isEmpty()) {
                due++;
                free.poll().send(start, start);
            }
            loop.schedule(() -> done.complete(null), end - start, TimeUnit.NANOSECONDS);
            return;
        }
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            tick();
            if (dueAt(due) < end) {
                long next = dueAt(due) - System.nanoTime();
                loop.schedule(tick[0], Math.max(next, MIN_TICK_NANOS), TimeUnit.NANOSECONDS);
            } else {
                done.complete(null);
            }
        };
        loop.execute(tick[0]);
    }

    /** When request number {@code n} falls due. */
    private long dueAt(long n) {
        return start + settings.schedule().dueNanos(n);
    }

    /** Queues every request due by now and sends what free connections can take. */
    private void tick() {
        long now = System.nanoTime();
        long dueCount = settings.schedule().dueBy(Math.min(now, end) - start);
        for (; due < dueCount && dueAt(due) < end; due++) {
            waiting.add(dueAt(due));
        }
        while (!free.isEmpty() && !waiting.isEmpty()) {
            free.poll().send(waiting.remove(), now);
        }
    }

    /** A request is done (answered or timed out): records it and gives its connection the next one. */
    private void complete(Connection connection, Outcome outcome, long now) {
        completed++;
        long dueTime = connection.inFlightDue;
        connection.busy = false;
        if (dueTime >= measureFrom) {
            lastMeasured = now;
            long fromDue = Math.min(now - dueTime, MAX_LATENCY_NANOS);
            latency.recordValue(fromDue);
            second.recordValue(fromDue);
            uncorrected.recordValue(Math.min(now - connection.sentAt, MAX_LATENCY_NANOS));
            outcomes[outcome.ordinal()]++;
            if (outcome != Outcome.OK) {
                secondErrors++;
            }
        }
        if (!connection.dead) {
            takeNext(connection, now);
        }
    }

    /** Gives a connection with nothing in flight the next request, or puts it with the free ones. */
    private void takeNext(Connection connection, long now) {
        if (settings.schedule() == null) {
            if (now < end) {
                due++;
                connection.send(now, now);
            } else {
                free.add(connection);
            }
        } else if (waiting.isEmpty()) {
            free.add(connection);
        } else {
            connection.send(waiting.remove(), now);
        }
    }

    /** Ends a measured second: its figures go to the intervals and to the progress line. */
    private void endSecond() {
        if (intervals.size() * SECOND >= settings.durationNanos() && second.getTotalCount() == 0) {
            return;
        }
        Interval interval = Interval.of(intervals.size() + 1, second, secondErrors);
        intervals.add(interval);
        second.reset();
        secondErrors = 0;
        progress.accept(interval);
    }

    /** Requests in flight past the timeout: counted, and their connections replaced. */
    private void timeOut() {
        long now = System.nanoTime();
        for (Connection connection : List.copyOf(connections)) {
            if (connection.busy && !connection.dead && now - connection.sentAt > settings.timeoutNanos()) {
                connection.dead = true;
                complete(connection, Outcome.TIMEOUT, now);
                connection.channel.close();
                replace(connection);
            }
        }
    }

    /** A new connection in the place of {@code old}, which is closed; it takes queued requests once up. */
    private void replace(Connection old) {
        connections.remove(old);
        if (System.nanoTime() >= end) {
            return;
        }
        Connection connection = connect();
        connection.connecting.addListener((ChannelFuture up) -> {
            if (up.isSuccess()) {
                connection.channel = up.channel();
                takeNext(connection, System.nanoTime());
            }
        });
    }

    /** One kept-alive connection, with at most one request in flight. */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        ChannelFuture connecting;
        Channel channel;
        boolean busy;
        /** Closed by the generator (after a timeout): a late answer on it is ignored. */
        boolean dead;
        /** When the request in flight fell due, and when it was sent. */
        long inFlightDue;
        long sentAt;

        void send(long dueTime, long now) {
            if (dueTime >= measureFrom) {
                maxLag = Math.max(maxLag, now - dueTime);
            }
            busy = true;
            inFlightDue = dueTime;
            sentAt = now;
            channel.writeAndFlush(Unpooled.wrappedBuffer(settings.request()));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (dead || !busy) {
                return;
            }
            Outcome outcome = Outcome.of(response, settings.sync());
            if (settings.sync() && outcome != Outcome.HTTP_ERROR && inFlightDue >= measureFrom) {
                billing.add(response.content());
            }
            complete(this, outcome, System.nanoTime());
        }

        /** Closed by the server (or by an error): its request stays unanswered, and the result says so. */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!dead && System.nanoTime() < end) {
                closed++;
                dead = true;
                replace(this);
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
    private <T> T onLoop(LoopCall<T> call) throws Exception {
        return loop.submit(call::call).get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    }
}
