package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON 1.0 protocol as a client sees it on the wire, bad requests included: each test ends by
 * checking that the server still answers a good request on a new connection.
 */
class HttpIngressProtocolTest {
    private static final String SYNC = "AWSStepFunctions.StartSyncExecution";
    private FakeApi api;
    private HttpIngress ingress;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        api = new FakeApi();
        IngressSettings settings = IngressSettings.defaults().address("127.0.0.1", 0).eventLoops(1)
                .maxInFlightPerConnection(4).idleTimeout(Duration.ofSeconds(1));
        ingress = HttpIngress.start(settings, api, IngressMetrics.requestsOnly());
        address = ingress.address();
    }

    @AfterEach
    void stop() {
        ingress.close();
        api.close();
    }

    private static String syncBody(String input) {
        return "{\"stateMachineArn\":\"" + FakeApi.MACHINE_ARN + "\",\"input\":" + Json.write(Json.NODES.textNode(input)) + "}";
    }

    private RawHttp.Answer exchange(String request) throws IOException {
        try (RawHttp http = new RawHttp(address)) {
            return http.send(request).read();
        }
    }

    private static JsonNode json(RawHttp.Answer answer) throws IOException {
        return Json.MAPPER.readTree(answer.body());
    }

    private void assertServerStillAnswers() throws IOException {
        RawHttp.Answer answer = exchange(RawHttp.apiRequest(SYNC, syncBody("{\"still\":\"up\"}")));
        assertEquals(200, answer.status());
        assertEquals("{\"still\":\"up\"}", json(answer).path("output").asText());
    }

    private static void assertAwsError(RawHttp.Answer answer, int status, String type) throws IOException {
        assertNotNull(answer, "the server answered");
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/x-amz-json-1.0", answer.header("Content-Type"));
        assertNotNull(UUID.fromString(answer.header("x-amzn-RequestId")));
        JsonNode body = json(answer);
        assertEquals(type, body.path("__type").asText(), answer.body());
        assertFalse(body.path("message").asText().isEmpty(), "the error says what was wrong");
    }

    @Test
    void answersAnOperationWithAwsHeaders() throws IOException {
        RawHttp.Answer answer = exchange(RawHttp.apiRequest(SYNC, syncBody("{\"a\":1}")));
        assertEquals(200, answer.status());
        assertEquals("application/x-amz-json-1.0", answer.header("Content-Type"));
        assertNotNull(UUID.fromString(answer.header("x-amzn-RequestId")));
        assertEquals("SUCCEEDED", json(answer).path("status").asText());
    }

    @Test
    void answersAnOperationErrorWithItsTypeAndStatus() throws IOException {
        RawHttp.Answer answer = exchange(RawHttp.apiRequest("AWSStepFunctions.DescribeStateMachine",
                "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:none\"}"));
        assertAwsError(answer, 400, "StateMachineDoesNotExist");
        assertServerStillAnswers();
    }

    @Test
    void malformedJsonIsASerializationException() throws IOException {
        assertAwsError(exchange(RawHttp.apiRequest(SYNC, "{\"stateMachineArn\": ")), 400, "SerializationException");
        assertAwsError(exchange(RawHttp.apiRequest(SYNC, "[1, 2]")), 400, "SerializationException");
        assertServerStillAnswers();
    }

    @Test
    void aMissingOrForeignTargetIsAnUnknownOperation() throws IOException {
        assertAwsError(exchange(RawHttp.apiRequest(null, "{}")), 400, "UnknownOperationException");
        assertAwsError(exchange(RawHttp.apiRequest("DynamoDB_20120810.GetItem", "{}")), 400, "UnknownOperationException");
        assertAwsError(exchange(RawHttp.apiRequest("AWSStepFunctions.NoSuchThing", "{}")), 400, "UnknownOperationException");
        assertServerStillAnswers();
    }

    @Test
    void unexpectedFaultsAreInternalFailuresWithoutDetail() throws IOException {
        for (String operation : new String[] {"Fault", "FaultLater"}) {
            RawHttp.Answer answer = exchange(RawHttp.apiRequest("AWSStepFunctions." + operation, "{}"));
            assertAwsError(answer, 500, "InternalFailure");
            assertFalse(answer.body().contains("secret") || answer.body().contains("later fault")
                    || answer.body().contains("at io."), answer.body());
        }
        assertServerStillAnswers();
    }

    @Test
    void anOversizedBodyIsRefusedAndTheConnectionGoesOn() throws IOException {
        try (RawHttp http = new RawHttp(address)) {
            int size = IngressSettings.MAX_BODY + 1;
            http.send("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: " + SYNC + "\r\nContent-Length: " + size + "\r\n\r\n");
            http.send("{" + " ".repeat(size - 2) + "}");
            assertAwsError(http.read(), 413, "RequestEntityTooLargeException");
            http.send(RawHttp.apiRequest(SYNC, syncBody("{}")));
            assertEquals(200, http.read().status(), "the same connection serves the next request");
        }
        assertServerStillAnswers();
    }

    @Test
    void oversizedHeadersAreRefusedAndTheConnectionClosed() throws IOException {
        try (RawHttp http = new RawHttp(address)) {
            http.send("POST / HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(64 * 1024) + "\r\n\r\n");
            assertAwsError(http.read(), 431, "RequestHeaderFieldsTooLarge");
            assertTrue(http.closedByServer());
        }
        try (RawHttp http = new RawHttp(address)) {
            http.send("POST /" + "u".repeat(8192) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertAwsError(http.read(), 414, "RequestURITooLong");
        }
        assertServerStillAnswers();
    }

    @Test
    void aClientThatSendsHalfARequestIsClosedWhenIdle() throws IOException {
        try (RawHttp http = new RawHttp(address)) {
            http.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"half\":");
            assertNull(http.read(), "closed without an answer once idle");
        }
        assertServerStillAnswers();
    }

    @Test
    void aClientStillSendingIsNotClosedWhenIdle() throws Exception {
        String request = RawHttp.apiRequest(SYNC, syncBody("{\"slowly\":\"sent\"}"));
        try (RawHttp http = new RawHttp(address)) {
            int pieces = 8; // over twice the idle timeout in all, each piece well within it
            int size = request.length() / pieces + 1;
            for (int at = 0; at < request.length(); at += size) {
                http.send(request.substring(at, Math.min(request.length(), at + size)));
                Thread.sleep(300);
            }
            RawHttp.Answer answer = http.read();
            assertNotNull(answer, "answered, not closed as idle");
            assertEquals("{\"slowly\":\"sent\"}", json(answer).path("output").asText());
        }
    }

    @Test
    void aConnectionClosedBeforeItsAnswerLeavesTheServerUp() throws IOException {
        try (RawHttp http = new RawHttp(address)) {
            http.send(RawHttp.apiRequest(SYNC, syncBody("{\"delayMs\":200}")));
        }
        try (RawHttp http = new RawHttp(address)) {
            http.send(RawHttp.apiRequest(SYNC, syncBody("{\"big\":\"" + "b".repeat(200_000) + "\"}")));
            http.read(); // the status line only arrives; close while the body is still being written
        } catch (IOException ignored) {
            // the server may have been cut off mid-answer, which is the point
        }
        assertServerStillAnswers();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        StringBuilder requests = new StringBuilder();
        int count = 12; // three times the bound on requests in flight: reading pauses and resumes
        for (int i = 0; i < count; i++) {
            // Later requests finish first: each waits less than the one before.
            requests.append(RawHttp.apiRequest(SYNC, syncBody("{\"i\":" + i + ",\"delayMs\":" + (count - i) * 20 + "}")));
        }
        try (RawHttp http = new RawHttp(address)) {
            http.send(requests.toString());
            for (int i = 0; i < count; i++) {
                RawHttp.Answer answer = http.read();
                assertEquals(200, answer.status());
                assertEquals(i, Json.MAPPER.readTree(json(answer).path("output").asText()).path("i").asInt());
            }
        }
        assertServerStillAnswers();
    }

    @Test
    void aRequestAskingToCloseGetsItsAnswerThenTheConnectionCloses() throws IOException {
        try (RawHttp http = new RawHttp(address)) {
            http.send(RawHttp.apiRequest(SYNC, syncBody("{}")).replace("Host: sync-127.0.0.1\r\n",
                    "Host: sync-127.0.0.1\r\nConnection: close\r\n"));
            RawHttp.Answer answer = http.read();
            assertEquals(200, answer.status());
            assertEquals("close", answer.header("Connection"));
            assertTrue(http.closedByServer());
        }
    }

    @Test
    void healthAndMetricsAreServed() throws IOException {
        exchange(RawHttp.apiRequest(SYNC, syncBody("{}")));
        RawHttp.Answer health = exchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, health.status());
        assertEquals("ok", json(health).path("status").asText());
        RawHttp.Answer metrics = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("quickstep_http_requests_total{operation=\"StartSyncExecution\",status=\"200\"} 1"),
                metrics.body());
        assertAwsError(exchange("GET /other HTTP/1.1\r\nHost: x\r\n\r\n"), 404, "UnknownOperationException");
    }
}
