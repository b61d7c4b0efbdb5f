package io.quickstep.loadtest;

import io.quickstep.metrics.AwsPrices;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost of a load run: the server's counters read off /metrics, and the estimate from them. */
class RunCostTest {
    private static final String METRICS = """
            # TYPE quickstep_executions_ended counter
            quickstep_executions_ended_total{state_machine="order",status="succeeded"} 90.0
            quickstep_executions_ended_total{state_machine="order",status="failed"} 10.0
            quickstep_executions_ended_total{state_machine="pass",status="succeeded"} 7.0
            quickstep_state_transitions_total{state="Normalize",state_machine="order"} 100.0
            quickstep_state_transitions_total{state="Route",state_machine="order"} 500.0
            quickstep_state_transitions_total{state="Pass",state_machine="pass"} 7.0
            """;

    @Test
    void readsOneStateMachinesEndedExecutionsAndTransitions() {
        ServerCounters order = ServerCounters.parse(METRICS, "order");
        assertEquals(new ServerCounters(100, 600), order);
        assertEquals(new ServerCounters(0, 0), ServerCounters.parse(METRICS, "other"), "before its first execution");
        assertEquals(6.0, order.transitionsPerExecutionSince(new ServerCounters(0, 0)));
        assertTrue(Double.isNaN(order.transitionsPerExecutionSince(order)), "no execution ended in between");
    }

    @Test
    void pricesTheMeasuredExecutionsAsExpressAndAsStandard() throws Exception {
        try (ScriptedServer server = new ScriptedServer(n -> ScriptedServer.Answer.ok(ScriptedServer.SUCCEEDED))) {
            HttpLoad.Result result = HttpLoad.run(new HttpLoad.Settings(server.url(), StartRequests.of(server.url(), true,
                    StartRequests.arn("pass"), "{}"), true, Schedule.fixedRate(200), 1, 0, 1_000_000_000L,
                    1_000_000_000L), interval -> { });
            RunCost cost = RunCost.of(AwsPrices.of("us-east-1"), result, true, 6.0);

            // 200 requests ($0.0002) of 100 ms at 64 MB: 200 x 0.00625 = 1.25 GB-s, at $0.06 per GB-hour $0.0000208333.
            assertEquals(200, cost.estimate().executions());
            assertEquals(1.25, cost.estimate().gbSeconds(), 1e-12);
            assertEquals(0.000220833333, cost.estimate().express(), 1e-12);
            // 6 states each: 1,200 transitions at $0.000025.
            assertEquals(1_200, cost.estimate().transitions());
            assertEquals(0.03, cost.estimate().standard(), 1e-15);
            assertTrue(cost.describe().startsWith("Express $0.000221 (200 requests, 1.250 GB-s); Standard $0.030000 "
                    + "(1200 state transitions, 6.0 per execution); list prices of us-east-1"), cost.describe());
            assertEquals(0.03, cost.toJson().path("standardDollars").asDouble(), 1e-15);
        }
    }
}
