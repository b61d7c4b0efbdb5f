package io.quickstep.error;

/**
 * An ASL error raised while a state runs: an error name (matched by Retry and Catch) and an
 * optional cause text. It carries no stack trace: it is an expected outcome, not a bug.
 */
public class ExecutionFailure extends RuntimeException {
    private final String error;
    private final String causeText;

    public ExecutionFailure(String error, String causeText) {
        super(error + (causeText == null ? "" : ": " + causeText), null, false, false);
        this.error = error;
        this.causeText = causeText;
    }

    /** The error name, e.g. {@code States.TaskFailed}. */
    public String error() {
        return error;
    }

    /** The cause text, or null when there is none. */
    public String causeText() {
        return causeText;
    }
}
