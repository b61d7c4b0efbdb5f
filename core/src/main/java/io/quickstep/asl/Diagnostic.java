package io.quickstep.asl;

/**
 * One finding about a definition, in the shape of AWS's ValidateStateMachineDefinition.
 *
 * @param severity {@code ERROR} or {@code WARNING}
 * @param code     AWS's code, e.g. {@code SCHEMA_VALIDATION_FAILED}
 * @param message  AWS's message text
 * @param location a JSON Pointer into the definition, e.g. {@code /States/Charge/Retry/0}, or null
 */
public record Diagnostic(String severity, String code, String message, String location) {
    public static final String ERROR = "ERROR";
    public static final String WARNING = "WARNING";

    public static Diagnostic error(String code, String message, String location) {
        return new Diagnostic(ERROR, code, message, location);
    }

    public boolean isError() {
        return ERROR.equals(severity);
    }

    /** AWS's one-line form, as CreateStateMachine quotes it: {@code CODE: message at /location}. */
    @Override
    public String toString() {
        return code + ": " + message + (location == null ? "" : " at " + location);
    }
}
