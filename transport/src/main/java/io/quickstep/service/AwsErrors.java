package io.quickstep.service;

import io.quickstep.asl.Diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/** The Step Functions errors this service answers, each with AWS's code and wording. */
final class AwsErrors {
    private AwsErrors() {
    }

    static AwsException validation(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return new AwsException("ValidationException", "1 validation error detected: Value " + shown + " at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A member longer than AWS allows ({@code shown}: the value, or what stands for it in the message). */
    static AwsException tooLong(Object shown, String member, long max) {
        return validation(shown, member, "Member must have length less than or equal to " + max);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", message);
    }

    static AwsException missingParameter(String message) {
        return new AwsException("MissingRequiredParameter", message);
    }

    /** A field of the request whose JSON type is not the one the operation takes. */
    static AwsException serialization(String member, String expected) {
        return new AwsException("SerializationException", "Expected " + expected + " for '" + member + "'");
    }

    static AwsException invalidArn(String detail) {
        return new AwsException("InvalidArn", "Invalid Arn: '" + detail + "'");
    }

    static AwsException invalidName(String name) {
        return new AwsException("InvalidName", "Invalid Name: '" + name + "'");
    }

    static AwsException invalidToken() {
        return new AwsException("InvalidToken", "Invalid Token: 'Invalid token'");
    }

    /** CreateStateMachine's refusal: every ERROR diagnostic as {@code CODE: message at /location}. */
    static AwsException invalidDefinition(List<Diagnostic> diagnostics) {
        String all = diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .collect(Collectors.joining(", "));
        return new AwsException("InvalidDefinition", "Invalid State Machine Definition: '" + all + "'");
    }

    static AwsException stateMachineDoesNotExist(String arn) {
        return new AwsException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    static AwsException stateMachineAlreadyExists(String arn) {
        return new AwsException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }

    static AwsException typeNotSupported(String operation, String type) {
        return new AwsException("StateMachineTypeNotSupported",
                operation + " is not supported for " + type + " state machines");
    }

    static AwsException executionDoesNotExist(String arn) {
        return new AwsException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    static AwsException executionAlreadyExists(String arn) {
        return new AwsException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }

    static AwsException invalidExecutionInput(String detail) {
        return new AwsException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + detail + "'");
    }

    static AwsException activityDoesNotExist(String arn) {
        return new AwsException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }

    static AwsException resourceNotFound() {
        return new AwsException("ResourceNotFound", "Request references a resource that does not exist.");
    }

    static AwsException resourceNotFound(String arn) {
        return new AwsException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }

    static AwsException conflict(String message) {
        return new AwsException("ConflictException", message);
    }

    /** A start the engine refused because the shard holds its most executions: the SDKs retry it. */
    static AwsException throttled() {
        return new AwsException("ThrottlingException", "Rate exceeded");
    }

    static AwsException shuttingDown() {
        return new AwsException("ServiceUnavailable", "The service is shutting down and starts no executions", 503);
    }
}
