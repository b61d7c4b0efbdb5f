package io.quickstep.testing;

import io.quickstep.execution.Clock;

/** Runs one case on the engine and judges the outcome. */
@FunctionalInterface
public interface CaseJudge {

    /**
     * Judges with the real engine: executions through the embedded API, validation cases through the
     * validator, logs cases by the records {@link io.quickstep.events.CloudWatchRecord} makes of an
     * execution's events. API cases are skipped: see {@link #skipReason}.
     */
    CaseJudge ENGINE = new CaseJudge() {
        @Override
        public String judge(TestCase testCase, Clock clock) {
            return switch (testCase.kind()) {
                case VALIDATION -> ValidationCaseJudge.judge(testCase);
                case LOGS -> LogsCaseJudge.judge(testCase, clock);
                default -> ExecutionCaseJudge.judge(testCase, clock);
            };
        }

        @Override
        public String skipReason(TestCase testCase) {
            return testCase.kind() == TestCase.Kind.API
                    ? "API cases need the Step Functions service (quickstep test runs them on an embedded one)" : null;
        }
    };

    /**
     * The first difference from the expected result as one line, or null when the case passes.
     *
     * @param clock the clock the execution runs on
     * @throws Exception when the engine itself throws; the case fails with it
     */
    String judge(TestCase testCase, Clock clock) throws Exception;

    /**
     * The first difference between an execution case's {@code expected} and {@code result} (run
     * some other way than this package runs it: its tasks answered over HTTP, say), or null when
     * they agree; the same comparison {@link #ENGINE} makes.
     */
    static String difference(TestCase testCase, io.quickstep.execution.ExecutionResult result) {
        return ExecutionCaseJudge.diff(testCase.expected(), result, testCase.ignore());
    }

    /** Why this judge cannot run the case, on one line; null (the default) when it can. */
    default String skipReason(TestCase testCase) {
        return null;
    }
}
