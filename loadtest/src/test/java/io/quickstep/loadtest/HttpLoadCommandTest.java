package io.quickstep.loadtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code loadtest --url|--baseline} and {@code loadtest http}: their options, bounds and output. */
class HttpLoadCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return new CommandLine(new EmbeddedLoadTest()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void loadsTheBaselineServerInProcessAndPrintsTheSummary() {
        int exit = execute("--baseline", "--rate", "200", "--duration", "500ms", "--warmup", "0", "--connections", "2");

        assertEquals(0, exit, err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("http open loop: StartSyncExecution of pass, 200/s for 500ms (+0s warm-up)"), printed);
        assertTrue(printed.contains("requests/s    "), printed);
        assertTrue(printed.contains("p99.99 "), printed);
        assertTrue(printed.contains("errors        throttled 0, failed executions 0, HTTP errors 0, timeouts 0"), printed);
        assertTrue(printed.contains("quickstep: latency_us p50 "), printed);
        assertTrue(!printed.contains("second 1:"), "no progress lines on a short run: " + printed);
    }

    @Test
    void withUrlAndBaselineLoadsBothTheSameWayAndPrintsTheirRatio(@TempDir Path dir) throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> ScriptedServer.Answer.ok(ScriptedServer.SUCCEEDED))) {
            int exit = execute("--url", server.url().toString(), "--baseline", "--rate", "100", "--duration", "500ms",
                    "--warmup", "0", "--out", dir.toString());

            assertEquals(0, exit, err.toString());
            String printed = out.toString();
            assertTrue(printed.indexOf(server.url().toString()) < printed.indexOf("bare Netty server in process"), printed);
            assertTrue(printed.matches("(?s).*ratio " + server.url() + " / bare Netty server: requests/s 1\\.00, .*"), printed);
            for (String file : new String[] {"server/summary.json", "baseline/summary.json", ReportFiles.COMPARE}) {
                assertTrue(Files.isRegularFile(dir.resolve(file)), file);
            }
        }
    }

    @Test
    void refusesATargetBeyondLoopbackUnlessAllowed() {
        int exit = execute("--url", "http://192.0.2.1:8083/", "--rate", "10");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--url http://192.0.2.1:8083/ is not on loopback: give --allow-remote"),
                err.toString());
    }

    @Test
    void refusesDurationsAndCountsBeyondTheirBounds() {
        assertEquals(2, execute("http", "--rate", "10", "--duration", "3m"));
        assertTrue(err.toString().contains("--duration must be 100ms..2m (got 3m)"), err.toString());
        assertEquals(2, execute("http", "--burst", "200000", "--every", "100ms"));
        assertTrue(err.toString().contains("--burst must be 1..100000"), err.toString());
        assertEquals(2, execute("http", "--rate", "10", "--max"));
        assertTrue(err.toString().contains("give one of --rate N, --burst N (with --every), --max"), err.toString());
        assertEquals(2, execute("http", "--rate", "10", "--duration", "5x"));
        assertTrue(err.toString().contains("'5x' is not a duration"), err.toString());
    }

    @Test
    void namesAnInputFileThatIsNotJson() throws Exception {
        java.nio.file.Path input = java.nio.file.Files.createTempFile("input", ".json");
        java.nio.file.Files.writeString(input, "{\"a\": NaN}");
        assertEquals(2, execute("--baseline", "--rate", "10", "--input", input.toString()));
        assertTrue(err.toString().contains("--input " + input + ": "), err.toString());
    }

    @Test
    void theEmbeddedTargetStillTakesWholeSecondsOnly() {
        assertEquals(2, execute("--rate", "10", "--duration", "1500ms"));
        assertTrue(err.toString().contains("--duration must be 1..120 whole seconds"), err.toString());
    }
}
