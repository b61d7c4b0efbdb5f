package io.quickstep.jmh.compare;

import java.util.Locale;

/**
 * How a benchmark moved from one result to the other: the relative change of its score, the
 * half-width of that change's confidence interval (from the two scores' own JMH errors), and the
 * verdict. A regression is a change for the worse larger than the threshold whose whole interval
 * lies on the worse side: more than the benchmark's own variance explains.
 *
 * @param percent     (after - before) / before, in percent
 * @param ciPercent   half-width of the change's interval, in percent of before; NaN when unknown
 */
record Change(BenchmarkScore before, BenchmarkScore after, double percent, double ciPercent, Verdict verdict) {

    /** What a change amounts to. */
    enum Verdict { REGRESSION, IMPROVEMENT, WITHIN_NOISE }

    /**
     * Compares two scores of one benchmark. The interval of the difference of two independent means
     * is taken as the root of the sum of the squares of their own half-widths.
     */
    static Change of(BenchmarkScore before, BenchmarkScore after, double thresholdPercent) {
        double percent = (after.score() - before.score()) / before.score() * 100;
        double ci = Math.sqrt(before.error() * before.error() + after.error() * after.error()) / before.score() * 100;
        // For the worse: a fall in throughput, a rise in time.
        double worse = after.higherIsBetter() ? -percent : percent;
        double known = Double.isNaN(ci) ? 0 : ci;
        Verdict verdict;
        if (worse > thresholdPercent && worse - known > 0) {
            verdict = Verdict.REGRESSION;
        } else if (-worse > thresholdPercent && -worse - known > 0) {
            verdict = Verdict.IMPROVEMENT;
        } else {
            verdict = Verdict.WITHIN_NOISE;
        }
        return new Change(before, after, percent, ci, verdict);
    }

    /**
     * One line: the benchmark, both scores with their errors, the change with its interval, the
     * verdict; and the bytes allocated per operation where both runs had the gc profiler.
     */
    String describe() {
        String line = String.format(Locale.ROOT, "%-12s %s: %s -> %s %s, %+.1f%% %s", verdict.name().replace('_', ' ')
                        .toLowerCase(Locale.ROOT), before.key(), score(before), score(after), after.unit(), percent,
                Double.isNaN(ciPercent) ? "(no error estimate)" : String.format(Locale.ROOT, "± %.1f%%", ciPercent));
        if (Double.isNaN(before.bytesPerOp()) || Double.isNaN(after.bytesPerOp())) {
            return line;
        }
        return line + String.format(Locale.ROOT, "; allocated %.0f -> %.0f B/op", before.bytesPerOp(),
                after.bytesPerOp());
    }

    private static String score(BenchmarkScore score) {
        return Double.isNaN(score.error()) ? String.format(Locale.ROOT, "%.3f", score.score())
                : String.format(Locale.ROOT, "%.3f ± %.3f", score.score(), score.error());
    }
}
