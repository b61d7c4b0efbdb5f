package io.quickstep.intrinsics;

/**
 * A failure inside a call tree, carrying AWS's detail text. The outermost call turns it into an
 * {@link io.quickstep.error.ExecutionFailure} that names the whole expression. No stack trace: it
 * is an expected outcome.
 */
final class IntrinsicError extends RuntimeException {

    IntrinsicError(String detail) {
        super(detail, null, false, false);
    }

    /** AWS's text for arguments a function does not accept. */
    static IntrinsicError invalidArguments(String function) {
        return new IntrinsicError("Invalid arguments in " + function);
    }
}
