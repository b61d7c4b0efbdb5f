package io.quickstep.testing;

import io.quickstep.execution.Clock;

/** Runs one case on the engine and judges the outcome. */
@FunctionalInterface
public interface CaseJudge {

    /** Judges with the real engine: executions through the embedded API, validation cases through the validator. */
    CaseJudge ENGINE = (testCase, clock) -> testCase.kind() == TestCase.Kind.VALIDATION
            ? ValidationCaseJudge.judge(testCase)
            : ExecutionCaseJudge.judge(testCase, clock);

    /**
     * The first difference from the expected result as one line, or null when the case passes.
     *
     * @param clock the clock the execution runs on
     * @throws Exception when the engine itself throws; the case fails with it
     */
    String judge(TestCase testCase, Clock clock) throws Exception;
}
