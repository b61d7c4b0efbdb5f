package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.CompletionStage;

/**
 * The AWS Step Functions API, independent of HTTP: one call per operation, with the request and
 * answer as the JSON 1.0 protocol carries them (AWS's field names; timestamps as epoch seconds with
 * fractions). The HTTP ingress decodes a request, calls this, and encodes what it answers.
 */
public interface StepFunctionsApi {
    /**
     * Answers one operation. Never throws: the stage completes with the response body, or
     * exceptionally with an {@link AwsException} (an unknown operation included); any other
     * exception is the server's fault (the ingress answers it as AWS's {@code InternalFailure}).
     *
     * @param operation the operation name, as in {@code X-Amz-Target: AWSStepFunctions.<operation>}
     * @param request   the request body
     */
    CompletionStage<JsonNode> call(String operation, JsonNode request);
}
