package io.quickstep.loadtest;

import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;

/** {@code loadtest http}: StartSyncExecution requests at a fixed rate to a server, latency percentiles. */
@Command(name = "http", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends StartSyncExecution requests to an HTTP server on loopback at a fixed rate "
                + "(open loop, what wrk2 does) and reports latency from each request's due time.",
                "Exits 0 when every request got a 2xx answer, 1 otherwise."})
final class HttpLoadCommand implements Callable<Integer> {
    private static final double NANOS_PER_MICRO = 1000.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8083/",
            description = "The server (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--rate", paramLabel = "N", required = true, description = "Requests per second.")
    long rate;

    @Option(names = "--machine", paramLabel = "NAME", defaultValue = "pass",
            description = "pass (a one-state Pass machine) or order (the order workflow) (default: ${DEFAULT-VALUE}).")
    String machine;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "16",
            description = "Kept-alive connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
            description = "Measured seconds, at most " + EmbeddedLoadTest.MAX_SECONDS + " (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds at the rate before measuring (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Override
    public Integer call() throws Exception {
        validate();
        HttpOpenLoop.Result result = HttpOpenLoop.run(url, StartSyncRequests.of(machine, url), rate, connections,
                warmupSeconds, durationSeconds);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("http open loop: %d/s for %d s (+%d s warm-up), %d connections, machine %s, %s%n", rate,
                durationSeconds, warmupSeconds, connections, machine, url);
        stdout.printf("  due %d, answered %d, non-2xx %d, unanswered %d, connections closed %d%n", result.due(),
                result.answered(), result.non2xx(), result.unanswered(), result.connectionsClosed());
        Histogram latency = result.latencyNanos();
        // The same "quickstep:" lines as loadtest/wrk/start-sync.lua, which bench.sh reads.
        stdout.printf("quickstep: requests/s %.1f%n", result.requestsPerSecond());
        stdout.printf("quickstep: latency_us p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f%n",
                micros(latency, 50), micros(latency, 90), micros(latency, 99), micros(latency, 99.9),
                latency.getMaxValue() / NANOS_PER_MICRO);
        stdout.printf("quickstep: errors non2xx %d unanswered %d generator_lag_us %.1f%n", result.non2xx(),
                result.unanswered(), result.maxLagNanos() / NANOS_PER_MICRO);
        return result.non2xx() == 0 && result.unanswered() == 0 ? 0 : 1;
    }

    private static double micros(Histogram latency, double percentile) {
        return latency.getValueAtPercentile(percentile) / NANOS_PER_MICRO;
    }

    private void validate() {
        if (!"http".equals(url.getScheme()) || url.getPort() < 1
                || !("127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost()))) {
            throw new ParameterException(spec.commandLine(), "--url must be http://127.0.0.1:PORT/ (loopback only)");
        }
        if (rate < 1 || rate > HttpOpenLoop.MAX_RATE) {
            throw new ParameterException(spec.commandLine(), "--rate must be 1.." + HttpOpenLoop.MAX_RATE);
        }
        if (connections < 1 || connections > 1024) {
            throw new ParameterException(spec.commandLine(), "--connections must be 1..1024");
        }
        if (durationSeconds < 1 || durationSeconds > EmbeddedLoadTest.MAX_SECONDS
                || warmupSeconds < 0 || warmupSeconds > EmbeddedLoadTest.MAX_SECONDS) {
            throw new ParameterException(spec.commandLine(),
                    "--duration must be 1.." + EmbeddedLoadTest.MAX_SECONDS + ", --warmup 0.." + EmbeddedLoadTest.MAX_SECONDS);
        }
        if (!"pass".equals(machine) && !"order".equals(machine)) {
            throw new ParameterException(spec.commandLine(), "--machine must be pass or order");
        }
    }
}
