package io.quickstep.http;

import io.quickstep.service.AwsException;

/**
 * The parts of a Signature Version 4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/states/aws4_request,
 * SignedHeaders=content-type;host;x-amz-date, Signature=<64 hex digits>}.
 *
 * @param accessKeyId   the key the request says it is signed with
 * @param date          the credential scope's day, {@code yyyyMMdd}
 * @param region        the credential scope's region
 * @param service       the credential scope's service ({@code states} for Step Functions)
 * @param terminator    the credential scope's end, {@code aws4_request}
 * @param signedHeaders the names of the signed headers, lower case, separated by {@code ;}
 * @param signature     the signature, in hex
 */
record SigV4Authorization(String accessKeyId, String date, String region, String service, String terminator,
                          String signedHeaders, String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Parses a header; a malformed one is AWS's IncompleteSignatureException, saying what is missing. */
    static SigV4Authorization parse(String header) throws AwsException {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw SigV4Errors.incomplete("Unsupported AWS 'algorithm' in the Authorization header: this server "
                    + "verifies " + ALGORITHM + " (Signature Version 4) only");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String pair = part.trim();
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw SigV4Errors.incomplete("'" + pair + "' not a valid key=value pair (missing equal-sign) in "
                        + "Authorization header: '" + header + "'.");
            }
            String value = pair.substring(equals + 1);
            switch (pair.substring(0, equals)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { } // AWS ignores parameters it does not know
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String[] required : new String[][] {{"Credential", credential}, {"Signature", signature},
                {"SignedHeaders", signedHeaders}}) {
            if (required[1] == null || required[1].isEmpty()) {
                missing.append("Authorization header requires '").append(required[0]).append("' parameter. ");
            }
        }
        if (missing.length() > 0) {
            throw SigV4Errors.incomplete(missing + "Authorization=" + header);
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw SigV4Errors.incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + credential + "'");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, signature);
    }

    /** The names of the signed headers. */
    String[] signedHeaderNames() {
        return signedHeaders.split(";");
    }
}
