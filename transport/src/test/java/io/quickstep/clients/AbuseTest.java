package io.quickstep.clients;

import io.quickstep.http.RawHttp;
import io.quickstep.json.Json;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.service.StepFunctionsService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad requests and clients that misbehave, against the real service and engine: each gets AWS's
 * error answer where there is one, and after each the server answers a normal request and the
 * engine's books balance (started = succeeded + failed + timed out + aborted, none running once
 * drained), so no accepted execution is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseTest {
    private static final String ECHO = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";
    private static final String SHORT_WAIT = """
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}""";
    private LocalServer server;
    private String echo;
    private String waiting;

    @BeforeAll
    void start() {
        server = LocalServer.start();
        echo = server.service.createStateMachine("echo", ECHO, StepFunctionsService.EXPRESS);
        waiting = server.service.createStateMachine("waiting", SHORT_WAIT, StepFunctionsService.EXPRESS);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** After every abuse: a normal request is served, and the books balance. */
    @AfterEach
    void serverStillServesAndTheBooksBalance() throws Exception {
        try (RawHttp client = new RawHttp(server.address())) {
            RawHttp.Answer answer = client.send(startSync(echo, "{\"still\": \"here\"}")).read();
            assertEquals(200, answer.status(), answer.body());
            assertEquals(Json.parse("{\"still\": \"here\"}"), Json.parse(answer.json().path("output").asText()));
        }
        server.assertBooksBalance();
    }

    @Test
    void malformedJsonIsASerializationException() throws IOException {
        assertRefused(RawHttp.call("StartExecution", "{\"stateMachineArn\": "), 400, "SerializationException");
        assertRefused(RawHttp.call("StartExecution", "[1, 2]"), 400, "SerializationException");
    }

    @Test
    void anUnknownOperationIsAnUnknownOperationException() throws IOException {
        assertRefused(RawHttp.call("Frobnicate", "{}"), 400, "UnknownOperationException");
        assertRefused("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII),
                400, "UnknownOperationException");
    }

    @Test
    void missingOrWronglyTypedFieldsAreRefusedAndStartNothing() throws IOException {
        long started = server.engine.metrics().started();
        assertRefused(RawHttp.call("StartExecution", "{}"), 400, "ValidationException");
        assertRefused(RawHttp.call("StartExecution", "{\"stateMachineArn\": 5}"), 400, "SerializationException");
        assertRefused(RawHttp.call("StartExecution", "{\"stateMachineArn\": \"" + echo + "\", \"input\": {\"a\": 1}}"),
                400, "SerializationException");
        assertRefused(RawHttp.call("StartSyncExecution", "{\"stateMachineArn\": \"" + echo + "\", \"input\": \"{\"}"),
                400, "InvalidExecutionInput");
        assertRefused(RawHttp.call("ListStateMachines", "{\"maxResults\": \"ten\"}"), 400, "SerializationException");
        assertEquals(started, server.engine.metrics().started(), "a refused request started an execution");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws IOException {
        String huge = "{\"stateMachineArn\": \"" + echo + "\", \"input\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertRefused(RawHttp.call("StartExecution", huge), 413, "RequestEntityTooLargeException");
    }

    @Test
    void oversizedHeadersAreRefusedWith431() throws IOException {
        String request = "POST / HTTP/1.1\r\nHost: h\r\nX-Padding: " + "p".repeat(32 * 1024)
                + "\r\nX-Amz-Target: AWSStepFunctions.ListStateMachines\r\nContent-Length: 2\r\n\r\n{}";
        assertRefused(request.getBytes(StandardCharsets.US_ASCII), 431, "RequestHeaderFieldsTooLarge");
    }

    @Test
    void halfARequestThenCloseStartsNothing() throws IOException {
        long started = server.engine.metrics().started();
        byte[] whole = startSync(echo, "{\"half\": true}");
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(Arrays.copyOf(whole, whole.length - 5));
        }
        try (RawHttp client = new RawHttp(server.address())) {
            client.send(Arrays.copyOf(whole, 40));
        }
        assertEquals(started, server.engine.metrics().started(), "half a request started an execution");
    }

    @Test
    void aConnectionClosedBeforeItsAnswerLosesNoExecution() throws Exception {
        long started = server.engine.metrics().started();
        for (int i = 0; i < 5; i++) {
            try (RawHttp client = new RawHttp(server.address())) {
                client.send(startSync(waiting, "{\"left\": " + i + "}"));
            }
        }
        EngineMetrics books = server.assertBooksBalance();
        assertTrue(books.started() - started <= 5, "more executions than requests");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (RawHttp client = new RawHttp(server.address())) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 10; i++) {
                all.writeBytes(i == 5 ? RawHttp.call("Frobnicate", "{}") : startSync(echo, "{\"n\": " + i + "}"));
            }
            client.send(all.toByteArray());
            for (int i = 0; i < 10; i++) {
                RawHttp.Answer answer = client.read();
                if (i == 5) {
                    assertEquals("UnknownOperationException", answer.errorType());
                } else {
                    assertEquals(Json.parse("{\"n\": " + i + "}"), Json.parse(answer.json().path("output").asText()));
                }
            }
        }
    }

    /** Sends the request on a new connection and expects AWS's error of this status and type. */
    private void assertRefused(byte[] request, int status, String type) throws IOException {
        try (RawHttp client = new RawHttp(server.address())) {
            RawHttp.Answer answer = client.send(request).read();
            assertEquals(status, answer.status(), answer.body());
            assertEquals(type, answer.errorType(), answer.body());
            assertTrue(answer.json().path("message").isTextual(), answer.body());
        }
    }

    private static byte[] startSync(String arn, String input) {
        return RawHttp.call("StartSyncExecution", Json.NODES.objectNode().put("stateMachineArn", arn)
                .put("input", input).toString());
    }
}
