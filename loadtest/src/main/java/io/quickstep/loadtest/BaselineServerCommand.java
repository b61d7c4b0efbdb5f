package io.quickstep.loadtest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code loadtest baseline-server}: runs {@link BaselineServer} until SIGINT or SIGTERM. */
@Command(name = "baseline-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a bare Netty HTTP server on 127.0.0.1 that parses each POST / body as the "
                + "Quickstep server must and answers a fixed StartSyncExecution-sized document: the "
                + "yardstick of the HTTP server's requests per second (loadtest/wrk/bench.sh).",
                "Runs until interrupted (SIGINT or SIGTERM)."})
final class BaselineServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090",
            description = "Port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--event-loops", paramLabel = "N", defaultValue = "1",
            description = "Event-loop threads, which accept and serve connections (default: ${DEFAULT-VALUE}).")
    int eventLoops;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535");
        }
        if (eventLoops < 1 || eventLoops > 64) {
            throw new ParameterException(spec.commandLine(), "--event-loops must be 1..64");
        }
        BaselineServer server = BaselineServer.start(port, eventLoops);
        // The JVM runs this on SIGINT and SIGTERM; awaitClosed() below then returns.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "baseline-server-shutdown"));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("baseline server on http://%s:%d/ (%s, %d event loop%s)%n", BaselineServer.HOST,
                server.port(), server.transport(), eventLoops, eventLoops == 1 ? "" : "s");
        stdout.flush();
        server.awaitClosed();
        return 0;
    }
}
