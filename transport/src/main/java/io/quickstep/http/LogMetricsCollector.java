package io.quickstep.http;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.quickstep.metrics.LogMetrics;

/**
 * The engine's execution logs, read at every scrape: records shipped and dropped, bytes written,
 * sink errors (counters), and the records waiting and the shipper's lag (gauges).
 */
final class LogMetricsCollector implements MultiCollector {
    private final LogMetrics logs;

    LogMetricsCollector(LogMetrics logs) {
        this.logs = logs;
    }

    @Override
    public MetricSnapshots collect() {
        return MetricSnapshots.of(
                counter("quickstep_log_records_shipped", "Execution log records handed to the log sinks",
                        logs.shipped()),
                counter("quickstep_log_records_dropped", "Execution log records dropped because the log ring was full",
                        logs.dropped()),
                counter("quickstep_log_bytes_written", "Bytes of execution log records written to files and stdout",
                        logs.bytesWritten()),
                counter("quickstep_log_sink_errors", "Times a log sink threw", logs.sinkErrors()),
                gauge("quickstep_log_records_queued", "Execution log records waiting in the log ring", logs.queued()),
                gauge("quickstep_log_shipper_lag_seconds",
                        "How long the oldest record of the shipper's latest batch waited", logs.lagMillis() / 1000.0));
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}
