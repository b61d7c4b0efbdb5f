package io.quickstep.loadtest;

import io.quickstep.json.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The StartSyncExecution request the HTTP load generator sends, the same as loadtest/wrk/start-sync.lua:
 * POST / with the SDKs' headers, starting {@code pass} (a one-state Pass machine) on a small input or
 * {@code order} (the order workflow) on its input, in Quickstep's default account.
 */
final class StartSyncRequests {
    static final String ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:stateMachine:";
    private static final String PASS_INPUT = "{\"hello\":\"world\"}";

    private StartSyncRequests() {
    }

    /** The whole request, head and body, as it goes on the wire. */
    static byte[] of(String machine, URI url) throws IOException {
        String input = switch (machine) {
            case "pass" -> PASS_INPUT;
            case "order" -> Json.write(OrderWorkload.load().input());
            default -> throw new IllegalArgumentException("unknown machine " + machine + ": pass or order");
        };
        byte[] body = Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode()
                .put("stateMachineArn", ARN_PREFIX + machine).put("input", input));
        String head = "POST / HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "X-Amz-Target: AWSStepFunctions.StartSyncExecution\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }
}
