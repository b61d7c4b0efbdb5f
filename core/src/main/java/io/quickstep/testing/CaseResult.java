package io.quickstep.testing;

/**
 * How one case ended: passed, failed with a difference, or skipped with a reason (a kind of case the
 * runner cannot run).
 *
 * @param testCase   the case
 * @param difference null when the case passed or was skipped, else why it failed, on one line
 * @param skipped    null when the case ran, else why it was not run, on one line
 */
public record CaseResult(TestCase testCase, String difference, String skipped) {

    /** A case that ran: passed when {@code difference} is null. */
    public CaseResult(TestCase testCase, String difference) {
        this(testCase, difference, null);
    }

    /** A case that was not run, for this reason. */
    public static CaseResult skipped(TestCase testCase, String reason) {
        return new CaseResult(testCase, null, reason);
    }

    public boolean passed() {
        return difference == null && skipped == null;
    }

    public boolean wasSkipped() {
        return skipped != null;
    }
}
