package io.quickstep.cli;

import io.quickstep.execution.ExecutionResult;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.metrics.CostEstimate;

/** {@code run --cost}: what the one execution would cost on AWS, from its billed duration and its events. */
final class CostLine {
    private CostLine() {
    }

    /**
     * {@code cost: Express $... (...); Standard $... (...); ...} for an execution whose events were
     * recorded: Standard workflows bill each state entered.
     */
    static String of(ExecutionResult result, AwsPrices prices) {
        long entered = result.events().stream().filter(event -> event.type().name().endsWith("StateEntered")).count();
        CostEstimate cost = new CostEstimate(prices, 1, result.billedMemoryMb() * result.billedDurationMillis(), entered);
        return "cost: " + cost.describe();
    }
}
