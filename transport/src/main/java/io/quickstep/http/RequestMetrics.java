package io.quickstep.http;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Requests answered, by operation and HTTP status ({@code quickstep_http_requests_total}). Counting
 * is one array read and one striped increment: the
 * data point of each (operation, status) is looked up once and kept.
 */
final class RequestMetrics {
    private static final int LOWEST_STATUS = 100;
    private static final int STATUSES = 500;
    private final Counter requests;
    /**
     * By operation index * 500 + status - 100, filled lazily (a race fills a slot twice with the same
     * point); atomic so that the point is published safely to the other event loops.
     */
    private final AtomicReferenceArray<CounterDataPoint> points =
            new AtomicReferenceArray<>(ApiOperations.COUNT * STATUSES);

    RequestMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("quickstep_http_requests")
                .help("Step Functions API requests answered, by operation and HTTP status")
                .labelNames("operation", "status").register(registry);
    }

    void count(int operation, int status) {
        int slot = operation * STATUSES + status - LOWEST_STATUS;
        CounterDataPoint point = points.get(slot);
        if (point == null) {
            point = requests.labelValues(ApiOperations.label(operation), Integer.toString(status));
            points.set(slot, point);
        }
        point.inc();
    }
}
