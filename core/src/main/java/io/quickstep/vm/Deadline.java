package io.quickstep.vm;

import io.quickstep.api.ExecutionStatus;
import io.quickstep.error.StatesErrors;

/** The execution's time limit: its TimeoutSeconds, capped by the Express limit of five minutes. */
final class Deadline {
    private Deadline() {
    }

    static void check(Execution execution) {
        if (execution.clock.millis() > execution.deadlineMillis) {
            throw timedOut();
        }
    }

    /** Lets time pass, but never beyond the deadline: an execution that would wait past it times out. */
    static void sleep(Execution execution, long millis) {
        long remaining = execution.deadlineMillis - execution.clock.millis();
        try {
            execution.clock.sleep(Math.min(millis, Math.max(0, remaining)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionStopped(ExecutionStatus.ABORTED, "States.Aborted", "The execution was interrupted");
        }
        if (millis > remaining) {
            throw timedOut();
        }
    }

    private static ExecutionStopped timedOut() {
        return new ExecutionStopped(ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT, null);
    }
}
