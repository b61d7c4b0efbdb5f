package io.quickstep.http;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.metrics.CostEstimate;
import io.quickstep.metrics.StateFigures;
import io.quickstep.metrics.StateMachineMetrics;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The engine's metrics of each served state machine, read at every scrape: executions started and
 * ended by status, starts throttled, latency as a Prometheus histogram; per state, transitions, errors
 * (failed attempts) and the p50/p99 time of the executions the engine timed (a summary; one
 * execution in {@value StateMachineMetrics#STATE_LATENCY_SAMPLING_DEFAULT} by default); and what
 * the executions would have cost on AWS as Express and as Standard workflows (at the list prices of
 * one region, {@link CostEstimate}).
 *
 * <p>The engine keeps latency as interval histograms (each read holds what was recorded since the
 * last), so this collector adds every interval into a histogram of its own per machine: it must be
 * the only reader of {@link StateMachineMetrics#latencyInterval()}.
 */
final class StateMachineCollector implements MultiCollector {
    /** Bucket upper bounds, in seconds: 100 µs to the Express five minutes. */
    private static final double[] BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, Double.POSITIVE_INFINITY};
    private static final double MICROS_PER_SECOND = 1e6;

    private final Supplier<? extends Iterable<StateMachineMetrics>> machines;
    private final AwsPrices prices;
    /** Latency since the server started, per machine name, in microseconds. */
    private final Map<String, Histogram> latency = new HashMap<>();

    StateMachineCollector(Supplier<? extends Iterable<StateMachineMetrics>> machines, AwsPrices prices) {
        this.machines = machines;
        this.prices = prices;
    }

    @Override
    public synchronized MetricSnapshots collect() {
        CounterSnapshot.Builder started = counter("quickstep_executions_started", "Executions started");
        CounterSnapshot.Builder ended = counter("quickstep_executions_ended", "Executions ended, by status");
        CounterSnapshot.Builder throttled = counter("quickstep_executions_throttled",
                "Starts refused because the shard held its most executions");
        CounterSnapshot.Builder transitions = counter("quickstep_state_transitions", "States entered, by state");
        CounterSnapshot.Builder errors = counter("quickstep_state_errors",
                "Failed attempts of a state (handled by a Retry or Catch or not), by state");
        SummarySnapshot.Builder stateLatency = SummarySnapshot.builder().name("quickstep_state_latency_seconds")
                .help("Time from a state's entry to its exit or final failure, by state, over the executions "
                        + "timed (a sample), since the engine started");
        GaugeSnapshot.Builder cost = GaugeSnapshot.builder().name("quickstep_estimated_aws_cost_dollars")
                .help("What the executions started would cost on AWS Step Functions, in US dollars at the list "
                        + "prices of " + prices.region() + " as of " + AwsPrices.AS_OF + ", by workflow type");
        HistogramSnapshot.Builder latencies = HistogramSnapshot.builder().name("quickstep_execution_latency_seconds")
                .help("Execution latency, from start accepted to result");
        for (Map.Entry<String, List<StateMachineMetrics>> named : byName().entrySet()) {
            List<StateMachineMetrics> machines = named.getValue();
            Labels labels = Labels.of("state_machine", named.getKey());
            started.dataPoint(point(labels, sum(machines, StateMachineMetrics::started)));
            throttled.dataPoint(point(labels, sum(machines, StateMachineMetrics::throttled)));
            ended(ended, labels, "succeeded", sum(machines, StateMachineMetrics::succeeded));
            ended(ended, labels, "failed", sum(machines, StateMachineMetrics::failed));
            ended(ended, labels, "timed_out", sum(machines, StateMachineMetrics::timedOut));
            ended(ended, labels, "aborted", sum(machines, StateMachineMetrics::aborted));
            Map<String, StateFigures> states = new TreeMap<>();
            machines.forEach(machine -> machine.states().forEach((state, figures) ->
                    states.merge(state, figures, StateFigures::plus)));
            states.forEach((state, figures) -> {
                Labels stateLabels = labels.add("state", state);
                transitions.dataPoint(point(stateLabels, figures.entered()));
                errors.dataPoint(point(stateLabels, figures.errors()));
                if (figures.sampled() > 0) {
                    stateLatency.dataPoint(stateLatency(stateLabels, figures));
                }
            });
            latencies.dataPoint(latency(labels, cumulative(named.getKey(), machines)));
            cost(cost, labels, machines, prices);
        }
        return MetricSnapshots.of(started.build(), ended.build(), throttled.build(), transitions.build(),
                errors.build(), stateLatency.build(), latencies.build(), cost.build());
    }

    /**
     * The machines by name: the versions of a state machine (and a machine created again after a
     * delete) are each their own in the engine, but one state machine to whoever reads the metrics.
     */
    private Map<String, List<StateMachineMetrics>> byName() {
        Map<String, List<StateMachineMetrics>> byName = new TreeMap<>();
        for (StateMachineMetrics machine : machines.get()) {
            byName.computeIfAbsent(machine.name(), name -> new ArrayList<>()).add(machine);
        }
        return byName;
    }

    private static long sum(List<StateMachineMetrics> machines, ToLongFunction<StateMachineMetrics> counter) {
        long sum = 0;
        for (StateMachineMetrics machine : machines) {
            sum += counter.applyAsLong(machine);
        }
        return sum;
    }

    private Histogram cumulative(String name, List<StateMachineMetrics> machines) {
        Histogram total = latency.computeIfAbsent(name, (Function<String, Histogram>) unused -> {
            Histogram histogram = new Histogram(3);
            histogram.setAutoResize(true);
            return histogram;
        });
        for (StateMachineMetrics machine : machines) {
            total.add(machine.latencyInterval());
        }
        return total;
    }

    private static HistogramDataPointSnapshot latency(Labels labels, Histogram micros) {
        long[] counts = new long[BOUNDS.length];
        long below = 0;
        for (int i = 0; i < BOUNDS.length - 1; i++) {
            long upTo = micros.getTotalCount() == 0 ? 0
                    : micros.getCountBetweenValues(0, (long) (BOUNDS[i] * MICROS_PER_SECOND));
            counts[i] = upTo - below;
            below = upTo;
        }
        counts[BOUNDS.length - 1] = micros.getTotalCount() - below;
        double sumSeconds = micros.getMean() * micros.getTotalCount() / MICROS_PER_SECOND;
        return HistogramDataPointSnapshot.builder().labels(labels)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, counts)).sum(sumSeconds).build();
    }

    private static SummaryDataPointSnapshot stateLatency(Labels labels, StateFigures figures) {
        return SummaryDataPointSnapshot.builder().labels(labels).count(figures.sampled())
                .sum(figures.latencyMicros().getMean() * figures.sampled() / MICROS_PER_SECOND)
                .quantiles(Quantiles.of(new Quantile(0.5, figures.p50Micros() / MICROS_PER_SECOND),
                        new Quantile(0.99, figures.p99Micros() / MICROS_PER_SECOND))).build();
    }

    private static void cost(GaugeSnapshot.Builder cost, Labels machine, List<StateMachineMetrics> machines,
                             AwsPrices prices) {
        double express = 0;
        double standard = 0;
        for (StateMachineMetrics metrics : machines) {
            CostEstimate estimate = metrics.cost(prices);
            express += estimate.express();
            standard += estimate.standard();
        }
        cost.dataPoint(GaugeDataPointSnapshot.builder().labels(machine.add("workflow_type", "express")).value(express)
                .build());
        cost.dataPoint(GaugeDataPointSnapshot.builder().labels(machine.add("workflow_type", "standard")).value(standard)
                .build());
    }

    private static void ended(CounterSnapshot.Builder ended, Labels machine, String status, long count) {
        ended.dataPoint(point(machine.add("status", status), count));
    }

    private static CounterSnapshot.Builder counter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static CounterDataPointSnapshot point(Labels labels, long value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
