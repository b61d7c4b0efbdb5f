package io.quickstep.http;

import io.quickstep.service.AwsException;

/**
 * AWS's answers to a request whose Signature Version 4 does not hold, with AWS's error codes and
 * messages (HTTP 400, as AWS's JSON 1.0 services answer them).
 */
final class SigV4Errors {
    /** AWS's words when the signature is well-formed but not the one the server computes. */
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private SigV4Errors() {
    }

    /** No Authorization header at all. */
    static AwsException missingToken() {
        return new AwsException("MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    /** The Authorization header, or a header it needs, is missing a part or malformed. */
    static AwsException incomplete(String message) {
        return new AwsException("IncompleteSignatureException", message);
    }

    /** The signature is wrong, expired, or scoped to another date, region or service. */
    static AwsException invalid(String message) {
        return new AwsException("InvalidSignatureException", message);
    }

    /** The access key id is unknown, or the session token is not the key's. */
    static AwsException unrecognizedClient() {
        return new AwsException("UnrecognizedClientException", "The security token included in the request is invalid.");
    }
}
