package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.quickstep.api.Engine;
import io.quickstep.api.StateMachine;
import io.quickstep.httptask.HttpConnections;
import io.quickstep.httptask.HttpTasks;
import io.quickstep.json.Json;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Executions whose one Task is an HTTP Task ({@code arn:aws:states:::http:invoke}, a GET with a
 * BASIC connection) against a bare Netty server on loopback (one event loop of its own), on one
 * shard with {@value RuntimeBenchmark#BATCH} in flight; the HTTP client runs on one event loop of
 * its own with at most {@code connections} kept-alive connections. {@code handler=inProcess} runs the
 * same machine with the resource answered in the process by an asynchronous handler giving the
 * same result shape at once: the difference is what the call over loopback costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpTaskBenchmark {
    private static final byte[] INPUT = "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String ANSWER = "{\"ok\":true,\"orderId\":\"o-1\"}";

    @Param({"http", "inProcess"})
    String handler;

    @Param({"32"})
    int connections;

    private EventLoopGroup serverLoop;
    private Channel server;
    private HttpTasks http;
    private Engine engine;
    private StateMachine machine;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<io.quickstep.execution.ExecutionResult>[] inFlight =
            new CompletableFuture[RuntimeBenchmark.BATCH];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        serverLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(serverLoop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                                HttpResponseStatus.OK, Unpooled.copiedBuffer(ANSWER, StandardCharsets.UTF_8));
                                        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                                        HttpUtil.setContentLength(response, response.content().readableBytes());
                                        ctx.writeAndFlush(response);
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        machine = StateMachine.create("http", ("{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', "
                + "'Resource': 'arn:aws:states:::http:invoke', 'Parameters': {'ApiEndpoint': "
                + "'http://127.0.0.1:" + port + "/orders', 'Method': 'GET', 'QueryParameters': {'id.$': '$.orderId'}, "
                + "'Authentication': {'ConnectionArn': 'arn:aws:events:us-east-1:123456789012:connection/bench'}}, "
                + "'ResultSelector': {'ok.$': '$.ResponseBody.ok'}, 'End': true}}}").replace('\'', '"'));
        TaskHandlers tasks = new TaskHandlers();
        if (handler.equals("http")) {
            http = new HttpTasks(new HttpTasks.Settings().maxConnectionsPerHost(connections)
                    .connections(HttpConnections.parse("[{\"Name\": \"bench\", \"AuthorizationType\": \"BASIC\", "
                            + "\"AuthParameters\": {\"BasicAuthParameters\": {\"Username\": \"u\", \"Password\": \"p\"}}}]",
                            "bench")));
            http.registerOn(tasks);
        } else {
            JsonNode result = Json.parse("{\"Headers\": {\"content-type\": [\"application/json\"], "
                    + "\"content-length\": [\"" + ANSWER.length() + "\"]}, \"ResponseBody\": " + ANSWER
                    + ", \"StatusCode\": 200, \"StatusText\": \"OK\"}");
            tasks.register("arn:aws:states:::http:invoke",
                    (AsyncTaskHandler) request -> CompletableFuture.completedFuture(result.deepCopy()));
        }
        engine = Engine.launch(new Engine.Context().shards(1).tasks(tasks));
        JsonNode output = engine.startSync(machine, Json.parse(INPUT)).join().output();
        if (output == null || !output.path("ok").asBoolean()) {
            throw new IllegalStateException("the HTTP task did not answer as expected: " + output);
        }
    }

    /**
     * Starts {@value RuntimeBenchmark#BATCH} executions, then waits for each with {@code join()}:
     * unlike {@link RuntimeBenchmark#runBatch}'s spinning, which suits executions that end within
     * microseconds, parking leaves the cores to the event loops the calls wait for.
     */
    @Benchmark
    @OperationsPerInvocation(RuntimeBenchmark.BATCH)
    public void startSync(RuntimeBenchmark.Throttles throttles, Blackhole blackhole) throws IOException {
        for (int i = 0; i < RuntimeBenchmark.BATCH; i++) {
            inFlight[i] = RuntimeBenchmark.start(engine, machine, Json.parse(INPUT), throttles);
        }
        for (int i = 0; i < RuntimeBenchmark.BATCH; i++) {
            blackhole.consume(Json.writeBytes(inFlight[i].join().output()));
            inFlight[i] = null;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
        if (http != null) {
            http.close();
        }
        server.close().syncUninterruptibly();
        serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
