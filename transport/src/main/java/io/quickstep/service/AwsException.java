package io.quickstep.service;

/**
 * An AWS Step Functions API operation that failed, as the JSON 1.0 protocol answers it: the error
 * code ({@code __type}, e.g. {@code StateMachineDoesNotExist}), AWS's message, and the HTTP status.
 * Expected outcomes of bad requests, so made without a stack trace.
 */
public final class AwsException extends RuntimeException {
    private final String type;
    private final int httpStatus;

    /** A client error (HTTP 400), the status of almost every Step Functions error. */
    public AwsException(String type, String message) {
        this(type, message, 400);
    }

    public AwsException(String type, String message, int httpStatus) {
        super(message, null, false, false);
        this.type = type;
        this.httpStatus = httpStatus;
    }

    /** The error code, as {@code __type} names it. */
    public String type() {
        return type;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
