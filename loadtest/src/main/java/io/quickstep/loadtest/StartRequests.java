package io.quickstep.loadtest;

import io.quickstep.json.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The requests the HTTP load generator sends, as the AWS SDKs send them: POST / with the AWS JSON
 * 1.0 headers, StartSyncExecution or StartExecution of a state machine on an input.
 */
final class StartRequests {
    /** The ARN of a state machine named by its name alone, in Quickstep's default account. */
    static final String ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:stateMachine:";
    private static final String PASS_INPUT = "{\"hello\":\"world\"}";

    private StartRequests() {
    }

    /** {@code nameOrArn} as an ARN: a name becomes a state machine of Quickstep's default account. */
    static String arn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : ARN_PREFIX + nameOrArn;
    }

    /**
     * The input sent when none is given: loadtest/wrk/start-sync.lua's for {@code pass}, the order
     * workflow's input for {@code order}, an empty object otherwise.
     */
    static String defaultInput(String stateMachine) throws IOException {
        return switch (stateMachine) {
            case "pass" -> PASS_INPUT;
            case "order" -> Json.write(OrderWorkload.load().input());
            default -> "{}";
        };
    }

    /** The whole request, head and body, as it goes on the wire. */
    static byte[] of(URI url, boolean sync, String stateMachineArn, String input) throws IOException {
        byte[] body = Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode()
                .put("stateMachineArn", stateMachineArn).put("input", input));
        String head = "POST " + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "X-Amz-Target: AWSStepFunctions." + (sync ? "StartSyncExecution" : "StartExecution") + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }
}
