package io.quickstep.clients;

import io.quickstep.api.Engine;
import io.quickstep.http.HttpIngress;
import io.quickstep.http.IngressMetrics;
import io.quickstep.http.IngressSettings;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.service.StepFunctionsService;

import java.net.InetSocketAddress;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An engine, the Step Functions service on it and the HTTP ingress on an ephemeral loopback port,
 * started and closed together (as {@code quickstep serve} wires them), for tests that talk to the
 * server through a real client.
 */
final class LocalServer implements AutoCloseable {
    private static final long DRAIN_MILLIS = 30_000;
    final Engine engine;
    final StepFunctionsService service;
    private final HttpIngress ingress;

    private LocalServer(Engine engine, StepFunctionsService service, IngressSettings settings) {
        this.engine = engine;
        this.service = service;
        this.ingress = HttpIngress.start(settings.address("127.0.0.1", 0), service,
                new IngressMetrics(() -> engine.metrics().machines()));
    }

    /** A server on one shard and one event loop, in memory. */
    static LocalServer start() {
        return start(new Engine.Context().shards(1), new StepFunctionsService.Settings());
    }

    static LocalServer start(Engine.Context engine, StepFunctionsService.Settings service) {
        return start(engine, service, IngressSettings.defaults().eventLoops(1));
    }

    static LocalServer start(Engine.Context engineContext, StepFunctionsService.Settings settings,
                             IngressSettings ingressSettings) {
        Engine engine = Engine.launch(engineContext);
        try {
            return new LocalServer(engine, new StepFunctionsService(engine, settings), ingressSettings);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return ingress.address();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + ingress.address().getPort());
    }

    /**
     * Waits (bounded) until no execution runs, then asserts the engine's books: every execution it
     * accepted ended in exactly one way, so none was lost.
     *
     * @return the metrics the books were checked on
     */
    EngineMetrics assertBooksBalance() throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        EngineMetrics metrics = engine.metrics();
        while (metrics.running() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
            metrics = engine.metrics();
        }
        assertEquals(0, metrics.running(), "executions still running after " + DRAIN_MILLIS + " ms");
        assertEquals(metrics.started(), metrics.succeeded() + metrics.failed() + metrics.timedOut() + metrics.aborted(),
                "started = succeeded + failed + timed out + aborted");
        return metrics;
    }

    @Override
    public void close() {
        ingress.close();
        service.close();
        engine.close();
    }
}
