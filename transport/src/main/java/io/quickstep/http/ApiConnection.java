package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.quickstep.service.AwsException;
import io.quickstep.service.StepFunctionsApi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's requests, the last handler of its pipeline: routes each whole request (the
 * Step Functions API, health, metrics, the live view's pages), checks its signature when the server
 * wants one ({@link SigV4Verifier}: API and metrics requests, not health; pages as {@link WebUi}
 * says), and writes the answers in the order the requests came (HTTP/1.1 pipelining), each as soon
 * as it and every earlier one are ready.
 *
 * <p>Requests read and not yet answered are bounded ({@link IngressSettings#maxInFlightPerConnection});
 * at the bound, or while the socket's outbound buffer is full (a client that does not read its
 * answers), the connection is not read. The {@link io.netty.handler.flow.FlowControlHandler} before
 * this one holds requests already decoded from the last read, so the bound is exact.
 *
 * <p>Everything here runs on the connection's event loop and never blocks: an operation answers
 * through a {@link CompletionStage} completed on any thread, and its answer is encoded and written
 * back on the event loop ({@link PendingAnswer}).
 */
final class ApiConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Logger.getLogger("io.quickstep.http");
    private static final AsciiString TARGET = AsciiString.cached("X-Amz-Target");
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    /** GetActivityTask, whose answer may wait up to a minute for a task. */
    private static final int LONG_POLL = ApiOperations.index("GetActivityTask");

    private final StepFunctionsApi api;
    private final IngressMetrics metrics;
    private final IngressSettings settings;
    /** Null when requests need no signature. */
    private final SigV4Verifier sigV4;
    private final IdleWatch idle;
    /** The live view's pages, or null when the server shows none. */
    private final WebUi ui;
    /** Ring of answer slots, indexed by request number modulo its length (a power of two). */
    private final PendingAnswer[] slots;
    private final int mask;
    private ChannelHandlerContext ctx;
    /** Requests read, and answers written: their difference is the requests in flight. */
    private long received;
    private long written;
    /** A request asked for the connection to close after its answer (or could not be read): read no more. */
    private boolean closing;

    ApiConnection(StepFunctionsApi api, IngressMetrics metrics, IngressSettings settings, WebUi ui) {
        this.api = api;
        this.metrics = metrics;
        this.settings = settings;
        this.ui = ui;
        this.sigV4 = settings.sigV4();
        this.idle = new IdleWatch(settings.idleTimeout());
        this.slots = new PendingAnswer[Integer.highestOneBit(Math.max(1, settings.maxInFlightPerConnection() * 2 - 1))];
        this.mask = slots.length - 1;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (!closing) {
                route(request);
            }
        } finally {
            request.release();
        }
    }

    private void route(FullHttpRequest request) {
        Throwable undecodable = request.decoderResult().cause();
        if (undecodable instanceof TooLongHttpContentException) {
            // The body was (or is being) skipped; the connection can go on.
            claim(ApiOperations.UNKNOWN, after(request)).fail(ProtocolErrors.tooLarge(settings.maxBody()));
        } else if (undecodable != null) {
            // The decoder discards everything after a request it could not read.
            claim(ApiOperations.UNKNOWN, Responses.Connection.CLOSE).fail(
                    ProtocolErrors.badHttp(undecodable, settings.maxInitialLine(), settings.maxHeaderSize()));
        } else if (request.method().equals(HttpMethod.POST)) {
            api(request);
        } else if (request.method().equals(HttpMethod.GET) && request.uri().equals("/health")) {
            PendingAnswer answer = claim(ApiOperations.UNKNOWN, after(request));
            answer.answer(Responses.response(HttpResponseStatus.OK, Responses.AMZ_JSON,
                    ctx.alloc().buffer(HEALTHY.length).writeBytes(HEALTHY)));
        } else if (request.method().equals(HttpMethod.GET) && request.uri().equals("/metrics")) {
            PendingAnswer answer = claim(ApiOperations.UNKNOWN, after(request));
            if (authenticated(request, answer)) {
                answer.answer(Responses.response(HttpResponseStatus.OK, metrics.contentType(), metrics.scrape(ctx.alloc())));
            }
        } else if (request.method().equals(HttpMethod.GET) && ui != null && WebUi.serves(request.uri())) {
            page(request);
        } else {
            claim(ApiOperations.UNKNOWN, after(request)).fail(ProtocolErrors.notFound(request.method().name(), request.uri()));
        }
    }

    /**
     * A Step Functions API request: {@code X-Amz-Target: AWSStepFunctions.<Operation>} and a JSON
     * object body. The path and the Host header play no part (the SDKs may put {@code sync-} in
     * front of the host for StartSyncExecution). The hot path: one header read, one parse.
     */
    private void api(FullHttpRequest request) {
        String target = request.headers().get(TARGET);
        String operation = target != null && target.startsWith(ApiOperations.TARGET_PREFIX)
                && target.length() > ApiOperations.TARGET_PREFIX.length()
                ? target.substring(ApiOperations.TARGET_PREFIX.length()) : null;
        int operationIndex = ApiOperations.index(operation);
        PendingAnswer answer = claim(operationIndex, after(request));
        if (!authenticated(request, answer)) {
            return;
        }
        if (operation == null) {
            answer.fail(ProtocolErrors.unknownOperation(target));
            return;
        }
        JsonNode body;
        try {
            body = RequestBody.parse(request.content());
        } catch (AwsException e) {
            answer.fail(e);
            return;
        }
        CompletionStage<JsonNode> outcome;
        try {
            outcome = api.call(operation, body);
        } catch (RuntimeException e) { // the API promises not to throw; a fault of its own still gets an answer
            answer.accept(null, e);
            return;
        }
        if (operationIndex == LONG_POLL && outcome instanceof CompletableFuture<?> poll && !poll.isDone()) {
            // A worker that goes away stops polling: no task is handed to it. The listener goes when
            // the poll ends: a worker polling for hours on one connection would otherwise pile them up.
            ChannelFuture closed = ctx.channel().closeFuture();
            ChannelFutureListener cancel = future -> poll.cancel(false);
            closed.addListener(cancel);
            poll.whenComplete((task, error) -> closed.removeListener(cancel));
        }
        outcome.whenComplete(answer);
    }

    /**
     * A page of the live view: made by its {@link WebPages} off the event loop, answered on it.
     * With authentication, the request carries the page token or a signature ({@link WebUi}).
     */
    private void page(FullHttpRequest request) {
        PendingAnswer answer = claim(ApiOperations.UNKNOWN, after(request));
        if (sigV4 != null && !ui.tokenIn(request)) {
            if (!request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
                answer.fail(ProtocolErrors.pageRefused());
                return;
            }
            if (!authenticated(request, answer)) {
                return;
            }
        }
        String cookie = sigV4 != null && ui.tokenInQuery(request) ? ui.setCookie() : null;
        CompletionStage<WebPage> page;
        try {
            page = ui.pages().get(request.uri());
        } catch (RuntimeException e) { // a fault of the pages' own; the connection goes on
            answer.fail(ProtocolErrors.of(e, "GET " + WebUi.PATH));
            return;
        }
        page.whenComplete((made, failure) -> ctx.executor().execute(() -> {
            if (failure != null || made == null) {
                answer.fail(ProtocolErrors.of(failure != null ? failure
                        : new IllegalStateException("the page answered null"), "GET " + WebUi.PATH));
                return;
            }
            FullHttpResponse response = Responses.page(ctx.alloc(), made);
            if (cookie != null) {
                response.headers().set(HttpHeaderNames.SET_COOKIE, cookie);
            }
            answer.answer(response);
        }));
    }

    /**
     * Whether the request may be served: always without authentication (one null check); with it,
     * when its signature holds, else the answer is AWS's error saying why not.
     */
    private boolean authenticated(FullHttpRequest request, PendingAnswer answer) {
        if (sigV4 == null) {
            return true;
        }
        AwsException refused = sigV4.check(request);
        if (refused != null) {
            answer.fail(refused);
        }
        return refused == null;
    }

    private static Responses.Connection after(FullHttpRequest request) {
        if (!HttpUtil.isKeepAlive(request)) {
            return Responses.Connection.CLOSE;
        }
        return request.protocolVersion().equals(HttpVersion.HTTP_1_0)
                ? Responses.Connection.KEEP_ALIVE_1_0 : Responses.Connection.KEEP_ALIVE;
    }

    /** The next slot of the ring, for a request just read. */
    private PendingAnswer claim(int operation, Responses.Connection after) {
        int index = (int) (received & mask);
        PendingAnswer slot = slots[index];
        if (slot == null) {
            slot = new PendingAnswer(this, ctx.executor());
            slots[index] = slot;
        }
        slot.open(operation, after);
        received++;
        closing |= after == Responses.Connection.CLOSE;
        updateReading();
        return slot;
    }

    /** Writes every answer that is ready and has no unanswered request before it; event loop only. */
    void answerReady() {
        boolean wrote = false;
        boolean open = ctx.channel().isActive();
        while (written < received) {
            PendingAnswer slot = slots[(int) (written & mask)];
            FullHttpResponse response = slot.take();
            if (response == null) {
                break;
            }
            written++;
            metrics.requests().count(slot.operation, response.status().code());
            if (!open) {
                response.release(); // the client left; the operation was done all the same
                continue;
            }
            Responses.connection(response, slot.after);
            if (slot.after == Responses.Connection.CLOSE) {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.write(response, ctx.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
            idle.answered();
            updateReading();
        }
    }

    /** Reads while the connection may take another request and the client reads its answers. */
    private void updateReading() {
        boolean read = !closing && received - written < settings.maxInFlightPerConnection() && ctx.channel().isWritable();
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading();
        ctx.fireChannelWritabilityChanged();
    }

    /**
     * A connection whose client sent nothing for the idle timeout is closed if it is idle
     * ({@link IdleWatch}), but never while it waits for an execution (bounded by its own time limit).
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (received == written && idle.idle(ctx.channel())) {
                ctx.close();
            }
        } else {
            ReferenceCountUtil.release(event);
        }
    }

    /**
     * A connection reset or a write that failed: the connection ends; the server goes on. Anything
     * else is a fault of the server's (a handler's exception), which closes the connection too, but
     * is logged: a silent close hid the codec's pipelining limit.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.log(Level.WARNING, "a connection was closed on an unexpected error", cause);
        }
        ctx.close();
    }
}
