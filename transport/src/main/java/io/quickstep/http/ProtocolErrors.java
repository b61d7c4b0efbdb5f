package io.quickstep.http;

import io.quickstep.service.AwsException;

import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The errors the ingress answers itself, in AWS's JSON 1.0 terms ({@code __type}, message, HTTP
 * status), and the translation of whatever an operation failed with into one of them.
 */
final class ProtocolErrors {
    private static final Logger LOG = Logger.getLogger("io.quickstep.http");

    /** AWS's answer to a fault of its own; no detail of the fault reaches the client. */
    static final AwsException INTERNAL_FAILURE = new AwsException("InternalFailure",
            "The request processing has failed because of an unknown error, exception or failure.", 500);

    private ProtocolErrors() {
    }

    /** The {@code X-Amz-Target} header is missing, or names no Step Functions operation. */
    static AwsException unknownOperation(String target) {
        return new AwsException("UnknownOperationException", target == null
                ? "The request has no X-Amz-Target header; expected X-Amz-Target: AWSStepFunctions.<Operation>"
                : "Unknown operation: X-Amz-Target: " + target + " names no AWS Step Functions operation");
    }

    /** The body is not JSON, or not a JSON object. */
    static AwsException serialization(String problem) {
        return new AwsException("SerializationException", "The request body is not a JSON object: " + problem);
    }

    /** AWS refuses a request body over 1 MiB before reading it (HTTP 413). */
    static AwsException tooLarge(int maxBody) {
        return new AwsException("RequestEntityTooLargeException",
                "Request must be smaller than " + maxBody + " bytes", 413);
    }

    /** The request line or the headers passed their limit, or could not be read as HTTP. */
    static AwsException badHttp(Throwable cause, int maxInitialLine, int maxHeaderSize) {
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
            return new AwsException("RequestURITooLong", "The request line is longer than " + maxInitialLine
                    + " bytes", 414);
        }
        if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
            return new AwsException("RequestHeaderFieldsTooLarge", "The request headers are longer than "
                    + maxHeaderSize + " bytes together", 431);
        }
        return new AwsException("BadRequest", "The request is not well-formed HTTP/1.1", 400);
    }

    /** A path or method the server does not serve. */
    static AwsException notFound(String method, String uri) {
        return new AwsException("UnknownOperationException", "Nothing is served at " + method + " " + uri
                + ": the Step Functions API is POST /, and GET /health, GET /metrics and GET /ui (the live view)", 404);
    }

    /** A page of the live view asked for without the page token or a signature, while the server authenticates. */
    static AwsException pageRefused() {
        return new AwsException("AccessDeniedException", "The live view needs the page token of this server: open "
                + "the /ui?token=... address that quickstep serve printed when it started (or sign the request "
                + "as an API request)", 403);
    }

    /**
     * What an operation failed with, as AWS answers it: an {@link AwsException} as it is; anything
     * else is the server's fault, logged here with its stack trace and answered as InternalFailure.
     */
    static AwsException of(Throwable failure, String operation) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AwsException aws) {
            return aws;
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            return INTERNAL_FAILURE; // a long poll whose client went away: nobody reads this answer
        }
        LOG.log(Level.WARNING, operation + " failed with an unexpected error; answered InternalFailure", cause);
        return INTERNAL_FAILURE;
    }
}
