package io.quickstep.metrics;

import java.util.Locale;

/**
 * What a number of executions would cost on AWS Step Functions at {@link AwsPrices}: as Express
 * workflows (each request, plus the GB-seconds of their billed durations and memory) and as Standard
 * workflows (each state transition).
 *
 * <p>Billing as AWS documents it for Express workflows: an execution's duration is rounded up to the
 * next 100 ms, with 100 ms the least, and its memory is billed in 64 MB chunks
 * ({@link io.quickstep.execution.ExecutionResult#billedDurationMillis()} and
 * {@link io.quickstep.execution.ExecutionResult#billedMemoryMb()}, as StartSyncExecution reports them).
 *
 * @param executions     executions started (Express bills each start as a request)
 * @param billedMbMillis the sum over executions of billed megabytes times billed milliseconds
 * @param transitions    states entered by the executions (Standard bills each)
 */
public record CostEstimate(AwsPrices prices, long executions, long billedMbMillis, long transitions) {
    private static final double MB_MILLIS_PER_GB_SECOND = 1024.0 * 1000.0;

    /** GB-seconds of the billed durations and memory. */
    public double gbSeconds() {
        return billedMbMillis / MB_MILLIS_PER_GB_SECOND;
    }

    /** As Express workflows: requests plus GB-seconds, in US dollars. */
    public double express() {
        return executions * prices.perRequest() + gbSeconds() * prices.perGbSecond();
    }

    /** As Standard workflows: state transitions, in US dollars. */
    public double standard() {
        return transitions * prices.perStateTransition();
    }

    /** Both prices, and what they count: {@code Express $0.0000013 (1 request, 0.01875 GB-s); Standard ...}. */
    public String describe() {
        return String.format(Locale.ROOT, "Express $%.7f (%d request%s, %.5f GB-s); Standard $%.7f (%d state "
                        + "transition%s); AWS list prices of %s as of %s", express(), executions,
                executions == 1 ? "" : "s", gbSeconds(), standard(), transitions, transitions == 1 ? "" : "s",
                prices.region(), AwsPrices.AS_OF);
    }
}
