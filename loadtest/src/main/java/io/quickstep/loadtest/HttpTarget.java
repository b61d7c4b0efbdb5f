package io.quickstep.loadtest;

import io.quickstep.metrics.AwsPrices;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The options of an HTTP load run: what server, which state machine on what input, over how many connections. */
final class HttpTarget {
    /** The server a run without {@code --url} or {@code --baseline} loads. */
    static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8083/");

    @Option(names = "--url", paramLabel = "URL",
            description = "Load the Step Functions API at URL (loopback only, unless --allow-remote).")
    URI url;

    @Option(names = "--baseline",
            description = "Load a bare Netty server (baseline-server) started in this process, the same way; "
                    + "with --url, after that server, for the ratio of the two.")
    boolean baseline;

    @Option(names = {"--state-machine", "--machine"}, paramLabel = "NAME|ARN", defaultValue = "pass",
            description = "The state machine to start, by name (in the default account) or ARN (default: ${DEFAULT-VALUE}).")
    String stateMachine;

    @Option(names = "--input", paramLabel = "FILE",
            description = "The execution input, a JSON file (default: {\"hello\":\"world\"}; for order, its input).")
    Path input;

    @Option(names = "--async", description = "StartExecution (answered at the start) instead of StartSyncExecution.")
    boolean async;

    @Option(names = "--sync", description = "StartSyncExecution, answered when the execution ends (the default).")
    boolean sync;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "16",
            description = "Kept-alive connections, one request in flight on each (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--burst", paramLabel = "N",
            description = "Open loop in bursts: N requests at once every --every, instead of --rate.")
    int burst;

    @Option(names = "--every", paramLabel = "TIME", defaultValue = "100ms", converter = DurationConverter.class,
            description = "The interval between bursts (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "A request unanswered this long counts as a timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = AwsPrices.DEFAULT_REGION,
            description = "Whose AWS list prices the cost estimate uses (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--allow-remote", description = "Allow a --url that is not on this machine's loopback.")
    boolean allowRemote;

    /** The list prices of {@code --region}; a region the table lacks is a bad option. */
    AwsPrices prices(CommandLine commandLine) {
        try {
            return AwsPrices.forRegion(region);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--region: " + e.getMessage());
        }
    }

    /** Whether the options ask for an HTTP run at all. */
    boolean selected() {
        return url != null || baseline;
    }
}
