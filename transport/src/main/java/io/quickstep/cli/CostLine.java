package io.quickstep.cli;

import io.quickstep.execution.ExecutionResult;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.metrics.CostEstimate;

/** {@code run --cost}: what the one execution would cost on AWS, from its billed duration and its events. */
final class CostLine {
    private CostLine() {
    }

    /** The prices of {@code region}; a region the table lacks is bad input, naming those it holds. */
    static AwsPrices prices(String region) throws BadInputException {
        AwsPrices prices = AwsPrices.of(region);
        if (prices == null) {
            throw new BadInputException("--cost: no list prices for region '" + region + "' (the table holds "
                    + String.join(", ", AwsPrices.regions()) + ")");
        }
        return prices;
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
