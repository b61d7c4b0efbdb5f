package io.quickstep.execution;

/** How an execution ended, with AWS's names. */
public enum ExecutionStatus {
    SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}
