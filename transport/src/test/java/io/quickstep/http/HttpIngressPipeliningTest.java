package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Thousands of requests pipelined on one connection, far beyond the bound on requests in flight: the
 * ingress stops reading at the bound and goes on as answers are written, so every request is
 * answered, in order, and the connection stays open. The client writes on one thread and reads on
 * another, as a pipelining client must (else both sides' buffers fill and each waits for the other).
 */
class HttpIngressPipeliningTest {
    private static final String SYNC = "AWSStepFunctions.StartSyncExecution";
    @AutoClose
    private final FakeServer server = new FakeServer();

    @Test
    void thousandsOfPipelinedApiRequestsAreAllAnsweredInOrder() throws Exception {
        int count = 5_000;
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String body = "{\"stateMachineArn\":\"" + FakeApi.MACHINE_ARN + "\",\"input\":"
                    + Json.write(Json.NODES.textNode("{\"i\":" + i + "}")) + "}";
            requests.append(RawHttp.apiRequest(SYNC, body));
        }
        try (RawHttp http = new RawHttp(server.address())) {
            CompletableFuture<Void> sent = sendOnAnotherThread(http, requests.toString());
            for (int i = 0; i < count; i++) {
                RawHttp.Answer answer = http.read();
                assertNotNull(answer, "answer " + i + " of " + count + " arrived before the server closed");
                assertEquals(200, answer.status(), answer.body());
                JsonNode output = Json.MAPPER.readTree(Json.MAPPER.readTree(answer.body()).path("output").asText());
                assertEquals(i, output.path("i").asInt(), "answers come in request order");
            }
            sent.join();
        }
    }

    /**
     * The smallest requests pack the most into one read of the socket: behind a slow request (whose
     * answer every later one waits for) the bound is reached, reading pauses, and all the requests of
     * the last read wait decoded.
     */
    @Test
    void thousandsOfSmallRequestsPipelinedBehindSlowOnesAreAllAnswered() throws Exception {
        int count = 10_000;
        int slowEvery = 1_000;
        String slow = RawHttp.apiRequest(SYNC, "{\"stateMachineArn\":\"" + FakeApi.MACHINE_ARN
                + "\",\"input\":\"{\\\"delayMs\\\":20}\"}");
        String small = "GET / HTTP/1.1\r\n\r\n";
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < count; i++) {
            requests.append(i % slowEvery == 0 ? slow : small);
        }
        try (RawHttp http = new RawHttp(server.address())) {
            CompletableFuture<Void> sent = sendOnAnotherThread(http, requests.toString());
            for (int i = 0; i < count; i++) {
                RawHttp.Answer answer = http.read();
                assertNotNull(answer, "answer " + i + " of " + count + " arrived before the server closed");
                assertEquals(i % slowEvery == 0 ? 200 : 404, answer.status(), answer.body());
            }
            sent.join();
        }
    }

    private static CompletableFuture<Void> sendOnAnotherThread(RawHttp http, String requests) {
        return CompletableFuture.runAsync(() -> {
            try {
                http.send(requests);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
