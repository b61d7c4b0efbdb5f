package io.quickstep.vm;

import io.quickstep.api.ExecutionStatus;

/**
 * Ends an execution from outside the states' error handling: its time limit passed (TIMED_OUT) or
 * the thread running it was interrupted (ABORTED). No Retry or Catch sees it.
 */
public final class ExecutionStopped extends RuntimeException {
    private final ExecutionStatus status;
    private final String error;
    private final String causeText;

    ExecutionStopped(ExecutionStatus status, String error, String causeText) {
        super(status + ": " + error, null, false, false);
        this.status = status;
        this.error = error;
        this.causeText = causeText;
    }

    public ExecutionStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String causeText() {
        return causeText;
    }
}
