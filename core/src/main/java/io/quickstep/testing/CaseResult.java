package io.quickstep.testing;

/**
 * How one case ended.
 *
 * @param testCase   the case
 * @param difference null when the case passed, else why it failed, on one line
 */
public record CaseResult(TestCase testCase, String difference) {

    public boolean passed() {
        return difference == null;
    }
}
