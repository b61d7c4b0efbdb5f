package io.quickstep.cli;

import io.quickstep.http.SfnClients;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@code quickstep serve} command running on a thread of this process, on an ephemeral loopback
 * port, as a user runs it; {@link #stop} stands in for SIGTERM.
 */
final class Serving {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    InetSocketAddress address;

    private Serving() {
    }

    /** Starts {@code quickstep serve ARGS --port 0} and waits until it serves (or has ended, failing). */
    static Serving start(String... args) throws Exception {
        Serving serving = new Serving();
        CommandLine cli = QuickstepCli.commandLine().setOut(new PrintWriter(serving.out, true))
                .setErr(new PrintWriter(serving.err, true));
        ServeCommand command = cli.getSubcommands().get("serve").getCommand();
        command.stopSignal = serving.stopSignal::await;
        // The shard runs on the one event loop (serve's default); a test that wants shard threads says --shards.
        List<String> line = new ArrayList<>(List.of("serve", "--port", "0", "--event-loops", "1"));
        line.addAll(List.of(args));
        Thread thread = new Thread(() -> serving.exit.complete(cli.execute(line.toArray(String[]::new))), "serve");
        thread.setDaemon(true);
        thread.start();
        CompletableFuture.anyOf(command.started, serving.exit).get();
        assertTrue(command.started.isDone(), () -> "serve ended with " + serving.exit.join() + ": " + serving.err);
        serving.address = command.started.get();
        return serving;
    }

    /** The servers one test starts, each stopped when the test ends (a JUnit extension). */
    static final class Started implements AfterEachCallback {
        private final List<Serving> running = new ArrayList<>();

        /** Starts {@code quickstep serve ARGS --port 0}, stopped after the test. */
        Serving serve(String... args) throws Exception {
            Serving serving = start(args);
            running.add(serving);
            return serving;
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            for (Serving serving : running) {
                serving.stop();
            }
            running.clear();
        }
    }

    /** Stops the server as SIGTERM would, and answers its exit status. */
    int stop() throws InterruptedException, ExecutionException {
        stopSignal.countDown();
        return exit.get();
    }

    /** http://127.0.0.1:PORT followed by {@code path}. */
    String url(String path) {
        return "http://" + address.getHostString() + ":" + address.getPort() + path;
    }

    SfnClient client() {
        return SfnClients.local(address, SfnClients.ANY);
    }
}
