package io.quickstep.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.metrics.StateMachineMetrics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} estimates each state machine's cost on AWS from what its executions did. */
class StateMachineCollectorTest {
    @Test
    void showsTheExpressAndStandardCostOfEachStateMachine() {
        StateMachineMetrics metrics = new StateMachineMetrics("orders", new String[] {"A", "B"});
        for (int i = 0; i < 2; i++) {
            metrics.recordStart();
            metrics.transitionCounters()[0].increment();
            metrics.transitionCounters()[1].increment();
            metrics.recordEnd(new ExecutionResult(ExecutionStatus.SUCCEEDED, Json.NODES.objectNode(), null, null, 0, 250),
                    250_000_000);
        }
        ByteBuf text = new IngressMetrics(() -> List.of(metrics)).scrape(UnpooledByteBufAllocator.DEFAULT);
        String scraped = text.toString(StandardCharsets.UTF_8);
        text.release();

        // Two requests ($0.000002) and 2 x 0.3 s x 0.0625 GB = 0.0375 GB-s, at $0.06 per GB-hour $0.000000625.
        assertEquals(2.625e-6, value(scraped, "express"), 1e-15, scraped);
        // Four transitions at $0.000025.
        assertEquals(1e-4, value(scraped, "standard"), 1e-15, scraped);
    }

    @Test
    void showsEachStatesErrorsAndTimedLatency() {
        StateMachineMetrics metrics = new StateMachineMetrics("orders", new String[] {"A", "B"}, 1);
        metrics.transitionCounters()[0].increment();
        metrics.recordError(0);
        metrics.recordError(0);
        metrics.recordStateLatency(0, 3_000_000); // 3 ms
        ByteBuf text = new IngressMetrics(() -> List.of(metrics)).scrape(UnpooledByteBufAllocator.DEFAULT);
        String scraped = text.toString(StandardCharsets.UTF_8);
        text.release();

        assertTrue(scraped.contains("quickstep_state_errors_total{state=\"A\",state_machine=\"orders\"} 2.0"), scraped);
        assertTrue(scraped.contains("quickstep_state_errors_total{state=\"B\",state_machine=\"orders\"} 0.0"), scraped);
        Matcher p99 = Pattern.compile("quickstep_state_latency_seconds\\{state=\"A\",state_machine=\"orders\",quantile=\"0.99\"} (\\S+)")
                .matcher(scraped);
        assertTrue(p99.find(), scraped);
        assertEquals(0.003, Double.parseDouble(p99.group(1)), 0.0001, "3 ms, to the histogram's two digits");
        assertTrue(scraped.contains("quickstep_state_latency_seconds_count{state=\"A\",state_machine=\"orders\"} 1"), scraped);
        assertFalse(scraped.contains("quickstep_state_latency_seconds_count{state=\"B\""), "B was never timed");
    }

    private static double value(String scraped, String workflowType) {
        Matcher line = Pattern.compile("quickstep_estimated_aws_cost_dollars\\{state_machine=\"orders\",workflow_type=\""
                + workflowType + "\"} (\\S+)").matcher(scraped);
        assertTrue(line.find(), scraped);
        return Double.parseDouble(line.group(1));
    }
}
