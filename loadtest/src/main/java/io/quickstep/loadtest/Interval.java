package io.quickstep.loadtest;

/**
 * One measured second of an HTTP load run, as its progress line and the report's charts show it:
 * the answers that arrived in it and the latency percentiles of those answers.
 *
 * @param second   from 1, the measured second it covers
 * @param answered answers (and timeouts) in that second
 * @param errors   of them, those that were not {@link Outcome#OK}
 */
record Interval(int second, long answered, long errors, long p50Nanos, long p99Nanos, long maxNanos) {
}
