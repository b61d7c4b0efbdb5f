package io.quickstep.api;

/**
 * Execution input that is not one JSON value (AWS's {@code InvalidExecutionInput}). The message
 * says what is wrong and where, in the input's own lines and columns.
 */
public final class InvalidExecutionInputException extends IllegalArgumentException {
    public InvalidExecutionInputException(String message) {
        super(message);
    }
}
