package io.quickstep.loadtest;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed-rate HTTP generator against the baseline server, briefly and at a low rate. */
class HttpOpenLoopTest {
    @Test
    void sendsTheRateForTheDurationAndRecordsEveryAnswerOfTheMeasuredSeconds() throws Exception {
        try (BaselineServer server = BaselineServer.start(0, 1)) {
            URI url = URI.create("http://127.0.0.1:" + server.port() + "/");
            HttpOpenLoop.Result result = HttpOpenLoop.run(url, StartSyncRequests.of("order", url), 500, 4, 1, 1);

            assertEquals(1000, result.due());
            assertEquals(0, result.connectionsClosed());
            assertEquals(0, result.unanswered());
            assertEquals(0, result.non2xx(), "the baseline parsed every body");
            assertEquals(500, result.latencyNanos().getTotalCount(), "only the measured second is recorded");
            assertTrue(result.latencyNanos().getMinValue() > 0);
        }
    }
}
