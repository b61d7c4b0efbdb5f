package io.quickstep.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.metrics.LogMetrics;
import io.quickstep.metrics.StateMachineMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code GET /metrics} shows, in Prometheus text format: requests by operation and status,
 * the engine's metrics of every state machine the supplier names, and its execution logs' figures.
 */
public final class IngressMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final RequestMetrics requests = new RequestMetrics(registry);

    /**
     * With the cost estimates at the list prices of {@link AwsPrices#DEFAULT_REGION}.
     *
     * @param machines the metrics of the state machines to show, read at each scrape
     */
    public IngressMetrics(Supplier<? extends Iterable<StateMachineMetrics>> machines) {
        registry.register(new StateMachineCollector(machines, AwsPrices.forRegion(AwsPrices.DEFAULT_REGION)));
    }

    /**
     * With the engine's execution logs too ({@code quickstep_log_*}), and the cost estimates at
     * {@code prices}.
     */
    public IngressMetrics(Supplier<? extends Iterable<StateMachineMetrics>> machines, LogMetrics logs,
                          AwsPrices prices) {
        registry.register(new StateMachineCollector(machines, prices));
        registry.register(new LogMetricsCollector(logs));
    }

    /** Request counts only. */
    public static IngressMetrics requestsOnly() {
        return new IngressMetrics(List::of);
    }

    RequestMetrics requests() {
        return requests;
    }

    String contentType() {
        return writer.getContentType();
    }

    /** The current metrics, as text. */
    ByteBuf scrape(ByteBufAllocator alloc) {
        ByteBuf text = alloc.buffer();
        try {
            writer.write(new ByteBufOutputStream(text), registry.scrape());
        } catch (IOException e) {
            text.release();
            throw new UncheckedIOException(e);
        }
        return text;
    }
}
