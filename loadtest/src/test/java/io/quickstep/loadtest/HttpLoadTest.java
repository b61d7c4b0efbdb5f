package io.quickstep.loadtest;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP load generator against servers on loopback: its schedules, its outcomes, its latency correction. */
class HttpLoadTest {
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String FAILED = "{\"status\":\"FAILED\",\"error\":\"E\",\"cause\":\"C\"}";

    @Test
    void sendsEveryRequestDueAtTheRateAndRecordsOnlyTheMeasuredOnes() throws Exception {
        try (BaselineServer server = BaselineServer.start(0, 1)) {
            URI url = URI.create("http://127.0.0.1:" + server.port() + "/");
            HttpLoad.Result result = HttpLoad.run(settings(url, Schedule.climbing(500, 1), 4, SECOND, SECOND),
                    interval -> { });

            assertEquals(250 + 500, result.due(), "a warm-up second at half the rate, then the measured one");
            assertEquals(0, result.connectionsClosed());
            assertEquals(0, result.unanswered());
            assertEquals(500, result.count(Outcome.OK), "the baseline parsed every body");
            assertEquals(500, result.latencyNanos().getTotalCount(), "only the measured second is recorded");
            // By answer time: the second itself, then the seconds after it while late answers come in
            // (how many depends on how loaded the machine is, so only their order is asserted).
            for (int i = 0; i < result.intervals().size(); i++) {
                assertEquals(i + 1, result.intervals().get(i).second(), result.intervals().toString());
            }
            assertEquals(500, result.intervals().stream().mapToLong(Interval::completed).sum());
            assertEquals(500, result.billing().executions(), "the baseline's answers carry billing details");
        }
    }

    @Test
    void sendsBurstsOfRequestsAtOnceAndCountsTheirLatencyFromTheBurstsInstant() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> ScriptedServer.Answer.ok(ScriptedServer.SUCCEEDED))) {
            HttpLoad.Result result = HttpLoad.run(settings(server.url(), Schedule.bursts(50, 100 * MILLI), 5, 0, SECOND),
                    interval -> { });

            assertEquals(500, result.due(), "50 at once, ten times");
            assertEquals(500, server.requests());
            assertEquals(500, result.count(Outcome.OK));
            // 50 due at once on 5 connections: most wait for a connection, and that wait is in their latency.
            assertTrue(result.latencyNanos().getMean() > result.uncorrectedNanos().getMean(),
                    "from the burst's instant " + result.latencyNanos().getMean() + " ns, from sending "
                            + result.uncorrectedNanos().getMean() + " ns");
        }
    }

    @Test
    void theCorrectedHistogramShowsAServerPauseAndTheUncorrectedOneDoesNot() throws Exception {
        long pauseMillis = 300;
        // Request 100 (due half a second in) is held back 300 ms; every other one is answered at once.
        try (ScriptedServer server = new ScriptedServer(n -> new ScriptedServer.Answer(200, ScriptedServer.SUCCEEDED,
                n == 100 ? pauseMillis : 0))) {
            HttpLoad.Result result = HttpLoad.run(settings(server.url(), Schedule.fixedRate(200), 1, 0, 2 * SECOND),
                    interval -> { });

            assertEquals(400, result.count(Outcome.OK));
            Histogram corrected = result.latencyNanos();
            Histogram uncorrected = result.uncorrectedNanos();
            long half = pauseMillis / 2 * MILLI;
            long correctedSlow = corrected.getCountBetweenValues(half, corrected.getMaxValue());
            long uncorrectedSlow = uncorrected.getCountBetweenValues(half, uncorrected.getMaxValue());
            // The ~60 requests due during the pause waited behind it: from their due time, the first
            // half of them took at least half the pause. From sending, only the held request did.
            assertTrue(correctedSlow >= 20, "corrected: " + correctedSlow + " at or above half the pause");
            assertTrue(uncorrectedSlow * 4 <= correctedSlow,
                    "uncorrected: " + uncorrectedSlow + ", corrected: " + correctedSlow + " at or above half the pause");
            assertTrue(corrected.getMaxValue() >= pauseMillis * MILLI);
            assertTrue(corrected.getValueAtPercentile(95) >= half, "the pause is in the corrected tail");
        }
    }

    @Test
    void sortsAnswersIntoThrottledFailedExecutionsAndHttpErrors() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> switch ((int) (n % 4)) {
            case 0 -> ScriptedServer.Answer.ok(ScriptedServer.SUCCEEDED);
            case 1 -> new ScriptedServer.Answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", 0);
            case 2 -> ScriptedServer.Answer.ok(FAILED);
            default -> new ScriptedServer.Answer(500, "{\"__type\":\"InternalFailure\"}", 0);
        })) {
            HttpLoad.Result result = HttpLoad.run(settings(server.url(), Schedule.fixedRate(400), 1, 0, SECOND),
                    interval -> { });

            assertEquals(100, result.count(Outcome.OK));
            assertEquals(100, result.count(Outcome.THROTTLED));
            assertEquals(100, result.count(Outcome.FAILED_EXECUTION));
            assertEquals(100, result.count(Outcome.HTTP_ERROR));
            assertEquals(300, result.errors());
            assertEquals(100, result.billing().executions());
            assertEquals(100 * 100, result.billing().billedMillis());
            assertEquals(100 * 100 * 64, result.billing().billedMbMillis());
        }
    }

    @Test
    void countsARequestUnansweredPastTheTimeoutAndGoesOnOnANewConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> new ScriptedServer.Answer(200, ScriptedServer.SUCCEEDED,
                n == 5 ? 3_000 : 0))) {
            HttpLoad.Settings settings = new HttpLoad.Settings(server.url(), request(server.url()), true,
                    Schedule.fixedRate(100), 2, 0, SECOND, 200 * MILLI);
            HttpLoad.Result result = HttpLoad.run(settings, interval -> { });

            assertEquals(1, result.count(Outcome.TIMEOUT));
            assertEquals(99, result.count(Outcome.OK));
            assertEquals(0, result.unanswered());
            assertTrue(result.latencyNanos().getMaxValue() >= 200 * MILLI, "a timeout is in the latency too");
        }
    }

    @Test
    void aClosedLoopKeepsOneRequestInFlightOnEachConnection() throws Exception {
        try (BaselineServer server = BaselineServer.start(0, 1)) {
            URI url = URI.create("http://127.0.0.1:" + server.port() + "/");
            HttpLoad.Result result = HttpLoad.run(settings(url, null, 4, 0, 500 * MILLI), interval -> { });

            assertTrue(result.count(Outcome.OK) > 0);
            assertEquals(result.latencyNanos().getTotalCount(), result.count(Outcome.OK));
            assertEquals(0, result.unanswered());
            assertEquals(result.due(), result.count(Outcome.OK), "every request sent was answered and measured");
        }
    }

    private static HttpLoad.Settings settings(URI url, Schedule schedule, int connections, long warmupNanos,
                                              long durationNanos) throws Exception {
        return new HttpLoad.Settings(url, request(url), true, schedule, connections, warmupNanos, durationNanos,
                5 * SECOND);
    }

    private static byte[] request(URI url) throws Exception {
        return StartRequests.of(url, true, StartRequests.arn("order"), StartRequests.defaultInput("order"));
    }
}
