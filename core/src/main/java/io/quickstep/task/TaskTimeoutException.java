package io.quickstep.task;

/** Thrown by a {@link TaskHandler} to say the invocation did not end within the state's timeout. */
public final class TaskTimeoutException extends RuntimeException {
    public TaskTimeoutException() {
        super("task timed out", null, false, false);
    }
}
