package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the generator briefly at a low rate; nothing here depends on how fast the machine is. */
class EmbeddedLoadTestTest {

    @Test
    void everyAcceptedExecutionSucceedsAndIsInTheHistogramAndItsSeconds() throws Exception {
        EmbeddedLoadTest command = new EmbeddedLoadTest();
        new CommandLine(command).parseArgs("--rate", "2000", "--duration", "1", "--warmup", "0", "--shards", "1");

        OpenLoop.Result result = command.openLoop();

        assertTrue(result.drained());
        assertEquals(2000, result.accepted() + result.throttled());
        assertTrue(result.accepted() > 0);
        assertEquals(result.accepted(), result.succeeded());
        assertEquals(0, result.failed());
        assertEquals(result.accepted(), result.latencyNanos().getTotalCount());
        assertEquals(result.accepted(), result.intervals().stream().mapToLong(Interval::completed).sum(),
                "every execution ended in one of the seconds read off");
        assertEquals(0, result.intervals().stream().mapToLong(Interval::errors).sum());
        // Each a request, and as Standard six states entered: Normalize, Route, AutoTier, Charge, Reserve, Confirm.
        assertEquals(result.accepted(), command.cost.executions());
        assertEquals(result.accepted() * 6, command.cost.transitions());
        assertTrue(command.cost.gbSeconds() >= result.accepted() * 0.1 * 0.0625, "100 ms of 64 MB at least");
    }

    @Test
    void aSoakRunWithFailingAndSlowHandlersKeepsTheBooks() throws Exception {
        EmbeddedLoadTest command = new EmbeddedLoadTest();
        // 30% of charge calls throw; with the workflow's two retries about 2.7% of the 4,000
        // executions fail (none failing has odds below 1e-40; at 10% it was 2%, a flaky test).
        new CommandLine(command).parseArgs("--rate", "2000", "--duration", "2", "--warmup", "0", "--shards", "1",
                "--failing", "30", "--slow", "10", "--slow-ms", "20");

        OpenLoop.Result result = command.openLoop();

        assertTrue(result.drained());
        assertTrue(result.failed() > 0, "a share of executions failed");
        assertTrue(result.succeeded() > 0, "the rest succeeded");
        Books books = command.books;
        assertTrue(books.balanced(), books.describe());
        assertEquals(result.accepted(), books.started());
        assertEquals(result.failed(), books.failed());
        assertTrue(books.handlerErrors() > 0, books.describe());
        assertEquals(0, books.engineFaults(), books.describe());
    }

    @Test
    void warmUpExecutionsAreNotMeasured() throws Exception {
        EmbeddedLoadTest command = new EmbeddedLoadTest();
        // Three climbing warm-up seconds, one at the full rate, then one measured second.
        new CommandLine(command).parseArgs("--rate", "800", "--duration", "1", "--warmup", "4", "--shards", "1");

        OpenLoop.Result result = command.openLoop();

        assertTrue(result.drained());
        assertEquals(800, result.accepted() + result.throttled());
        assertEquals(result.accepted(), result.succeeded());
        assertEquals(result.accepted(), result.latencyNanos().getTotalCount());
    }

    @Test
    void executionsGiveTheExpectedOutputAndLeaveTheSharedInputAsItWas() throws Exception {
        OrderWorkload workload = OrderWorkload.load();
        JsonNode before = workload.input().deepCopy();
        List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(OrderWorkload.handlers()))) {
            for (int i = 0; i < 100; i++) {
                results.add(engine.startSync(workload.machine(), workload.input()));
            }
            for (CompletableFuture<ExecutionResult> result : results) {
                assertEquals(Json.parse("{\"chargeId\":\"ch-o-1\",\"charged\":42.5}"), result.join().output());
            }
        }
        assertEquals(before, workload.input());
    }

    @Test
    void theHandoffProbeEndsAndGivesARoundTripOfLessThanItsOwnDuration() throws Exception {
        double nanos = HandoffProbe.roundTripNanos(50);
        assertTrue(nanos > 0 && nanos < 50_000_000, "round trip " + nanos + " ns");
    }

    @Test
    void refusesADurationAboveTheBound() {
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new EmbeddedLoadTest()).setErr(new PrintWriter(err))
                .execute("--rate", "10", "--duration", "121");
        assertEquals(CommandLine.ExitCode.USAGE, exitCode);
        assertTrue(err.toString().contains("--duration must be 1..120"), err.toString());
    }
}
