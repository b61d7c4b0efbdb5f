package io.quickstep.metrics;

import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost table against examples worked out by hand from AWS's list prices. */
class CostEstimateTest {
    private static final AwsPrices US_EAST_1 = AwsPrices.of("us-east-1");
    private static final double CENT_FRACTION = 1e-12;

    @Test
    void aMillionExpressExecutionsOfAHundredMillisecondsCostADollarOfRequestsAndTenCentsOfDuration() {
        // 1,000,000 x 100 ms x 64 MB = 1,000,000 x 0.1 s x 0.0625 GB = 6,250 GB-s = 1.736111 GB-hours;
        // at $0.06 per GB-hour, $0.1041666...
        CostEstimate cost = new CostEstimate(US_EAST_1, 1_000_000, 1_000_000L * 64 * 100, 0);
        assertEquals(6_250.0, cost.gbSeconds(), 1e-9);
        assertEquals(1.00 + 0.104166666667, cost.express(), CENT_FRACTION);
        assertEquals(0.0, cost.standard());
    }

    @Test
    void oneExecutionOf250MillisecondsIsBilled300() {
        ExecutionResult result = new ExecutionResult(ExecutionStatus.SUCCEEDED, Json.NODES.objectNode(), null, null,
                1_000, 1_250);
        assertEquals(300, result.billedDurationMillis());
        assertEquals(64, result.billedMemoryMb());
        // 0.3 s x 0.0625 GB = 0.01875 GB-s, x $0.06 / 3,600 s = $0.0000003125, plus the request's $0.000001.
        CostEstimate cost = new CostEstimate(US_EAST_1, 1, result.billedMemoryMb() * result.billedDurationMillis(), 0);
        assertEquals(0.0000013125, cost.express(), CENT_FRACTION);
    }

    @Test
    void aThousandGbHoursOfExpressDurationCostSixtyDollars() {
        // AWS's Express example: the first 1,000 GB-hours at $0.06000 per GB-hour. 1,000 GB-hours are
        // 3,600,000 GB-s: 3,600,000 executions of one second at 1,024 MB.
        CostEstimate cost = new CostEstimate(US_EAST_1, 0, 3_600_000L * 1_024 * 1_000, 0);
        assertEquals(3_600_000.0, cost.gbSeconds(), 1e-6);
        assertEquals(60.0, cost.express(), 1e-9);
    }

    @Test
    void billedDurationsRoundUpToTheNextHundredMillisecondsWithAHundredTheLeast() {
        assertEquals(100, billed(0));
        assertEquals(100, billed(1));
        assertEquals(100, billed(100));
        assertEquals(200, billed(101));
        assertEquals(1_100, billed(1_001));
    }

    @Test
    void standardWorkflowsPayTwoAndAHalfCentsPerThousandTransitions() {
        // 1,000,000 executions of 5 states: 5,000,000 transitions x $0.000025 = $125.
        CostEstimate cost = new CostEstimate(US_EAST_1, 1_000_000, 0, 5_000_000);
        assertEquals(125.0, cost.standard(), CENT_FRACTION);
        assertTrue(cost.describe().contains("Standard $125.0000000 (5000000 state transitions)"), cost.describe());
        assertTrue(cost.describe().contains("us-east-1 as of " + AwsPrices.AS_OF), cost.describe());
    }

    @Test
    void aStateMachinesMetricsCostWhatItsExecutionsDid() {
        StateMachineMetrics metrics = new StateMachineMetrics("m", new String[] {"A", "B"});
        metrics.recordStart();
        metrics.transitionCounters()[0].increment();
        metrics.transitionCounters()[1].increment();
        metrics.recordEnd(new ExecutionResult(ExecutionStatus.SUCCEEDED, Json.NODES.objectNode(), null, null, 0, 150),
                150_000_000);
        CostEstimate cost = metrics.cost(US_EAST_1);
        assertEquals(1, cost.executions());
        assertEquals(64 * 200, cost.billedMbMillis());
        assertEquals(2, cost.transitions());
        assertEquals(0.000050, cost.standard(), CENT_FRACTION);
    }

    @Test
    void theTableHoldsItsRegionsAndRatesCanBeGivenForOthers() {
        assertTrue(AwsPrices.regions().contains(AwsPrices.DEFAULT_REGION));
        assertNull(AwsPrices.of("mars-north-1"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AwsPrices.forRegion("mars-north-1"));
        assertEquals("no list prices for region 'mars-north-1' (the table holds us-east-1, us-east-2, us-west-2)",
                refused.getMessage());
        assertEquals(AwsPrices.of("us-east-2"), AwsPrices.forRegion("us-east-2"));
        CostEstimate cost = new CostEstimate(AwsPrices.of(2e-6, 1e-5, 1e-4), 10, 1024 * 1000, 10);
        assertEquals(10 * 2e-6 + 1e-5, cost.express(), CENT_FRACTION);
        assertEquals(1e-3, cost.standard(), CENT_FRACTION);
    }

    private static long billed(long durationMillis) {
        return new ExecutionResult(ExecutionStatus.SUCCEEDED, Json.NODES.objectNode(), null, null, 0, durationMillis)
                .billedDurationMillis();
    }
}
