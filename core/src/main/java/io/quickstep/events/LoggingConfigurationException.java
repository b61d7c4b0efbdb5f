package io.quickstep.events;

/**
 * A state machine's {@code loggingConfiguration} refused as AWS's CreateStateMachine refuses it:
 * {@link #error()} is AWS's error code ({@code InvalidLoggingConfiguration}, or
 * {@code ValidationException} for a level that is no level), the message AWS's message.
 */
public final class LoggingConfigurationException extends RuntimeException {
    /** AWS's error code for a configuration it refuses. */
    public static final String INVALID_LOGGING_CONFIGURATION = "InvalidLoggingConfiguration";
    /** AWS's error code for a value outside a field's constraints. */
    public static final String VALIDATION_EXCEPTION = "ValidationException";

    private final String error;

    public LoggingConfigurationException(String error, String message) {
        super(message);
        this.error = error;
    }

    /** AWS's error code. */
    public String error() {
        return error;
    }
}
