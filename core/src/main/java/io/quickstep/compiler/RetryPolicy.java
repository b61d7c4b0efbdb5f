package io.quickstep.compiler;

/**
 * One compiled Retry rule.
 *
 * @param maxDelayMillis the cap on one delay, or {@code Long.MAX_VALUE} when MaxDelaySeconds is absent
 * @param fullJitter     JitterStrategy FULL: each delay is drawn uniformly from [0, delay)
 */
public record RetryPolicy(String[] errorEquals, long intervalMillis, int maxAttempts, double backoffRate,
                          long maxDelayMillis, boolean fullJitter) {

    /** The delay before retry number {@code attempt} (0-based), before jitter. */
    public long delayMillis(int attempt) {
        double delay = intervalMillis * Math.pow(backoffRate, attempt);
        return (long) Math.min(delay, (double) maxDelayMillis);
    }
}
