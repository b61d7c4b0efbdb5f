package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.metrics.CostEstimate;

import java.util.Locale;

/**
 * What the measured executions of an HTTP load run would cost on AWS ({@link CostEstimate}): as
 * Express workflows from the billing details of the StartSyncExecution answers, as Standard workflows
 * from the states an execution entered on average, read off the server's {@code /metrics} before and
 * after the run (unknown when the server shows none, as the bare baseline server).
 *
 * @param transitionsPerExecution NaN when unknown
 */
record RunCost(CostEstimate estimate, double transitionsPerExecution, boolean durationsKnown) {

    static RunCost of(AwsPrices prices, HttpLoad.Result result, boolean sync, double transitionsPerExecution) {
        long executions = result.count(Outcome.OK) + result.count(Outcome.FAILED_EXECUTION);
        long transitions = Double.isNaN(transitionsPerExecution) ? 0 : Math.round(transitionsPerExecution * executions);
        return new RunCost(new CostEstimate(prices, executions, result.billing().billedMbMillis(), transitions),
                transitionsPerExecution, sync);
    }

    /** The cost of an embedded run's executions, read off the engine's metrics. */
    static RunCost of(CostEstimate estimate) {
        double perExecution = estimate.executions() == 0 ? Double.NaN
                : (double) estimate.transitions() / estimate.executions();
        return new RunCost(estimate, perExecution, true);
    }

    /** The line the summary prints. */
    String describe() {
        CostEstimate cost = estimate;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Express $%.6f (%d requests, %.3f GB-s%s)",
                cost.express(), cost.executions(), cost.gbSeconds(), durationsKnown ? ""
                        : "; durations unknown with --async: requests only"));
        if (Double.isNaN(transitionsPerExecution)) {
            line.append("; Standard unknown (no state transitions on the server's /metrics)");
        } else {
            line.append(String.format(Locale.ROOT, "; Standard $%.6f (%d state transitions, %.1f per execution)",
                    cost.standard(), cost.transitions(), transitionsPerExecution));
        }
        return line.append(String.format(Locale.ROOT, "; list prices of %s as of %s", cost.prices().region(),
                AwsPrices.AS_OF)).toString();
    }

    /** The summary's {@code cost} object. */
    ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("region", estimate.prices().region());
        json.put("pricesAsOf", AwsPrices.AS_OF);
        json.put("executions", estimate.executions());
        json.put("gbSeconds", estimate.gbSeconds());
        json.put("expressDollars", estimate.express());
        json.put("durationsKnown", durationsKnown);
        if (!Double.isNaN(transitionsPerExecution)) {
            json.put("stateTransitions", estimate.transitions());
            json.put("standardDollars", estimate.standard());
        }
        return json;
    }
}
