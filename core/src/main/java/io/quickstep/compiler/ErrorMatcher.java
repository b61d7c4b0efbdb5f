package io.quickstep.compiler;

import io.quickstep.error.StatesErrors;

/** AWS's rules for matching an error name against a Retry or Catch rule's ErrorEquals. */
public final class ErrorMatcher {
    private ErrorMatcher() {
    }

    public static boolean matches(String[] errorEquals, String error) {
        if (error == null) {
            // A Fail state may end without an error name: only the full wildcard matches that.
            return java.util.Arrays.asList(errorEquals).contains(StatesErrors.ALL);
        }
        if (isTerminal(error)) {
            return false;
        }
        for (String candidate : errorEquals) {
            if (candidate.equals(error)) {
                return true;
            }
            if (candidate.equals(StatesErrors.ALL)) {
                return true;
            }
            // States.TaskFailed is a wildcard for every error but a timeout.
            if (candidate.equals(StatesErrors.TASK_FAILED) && !error.equals(StatesErrors.TIMEOUT)
                    && !error.equals(StatesErrors.HEARTBEAT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** Errors no rule matches, not even one naming them: they always end the execution (seen on AWS). */
    private static boolean isTerminal(String error) {
        return error.equals(StatesErrors.RUNTIME);
    }
}
