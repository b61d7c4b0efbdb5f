package io.quickstep.loadtest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bare Netty server on an ephemeral loopback port, spoken to over a raw socket and with HttpClient. */
class BaselineServerTest {
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final String BODY = "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:pass\","
            + "\"input\":\"{\\\"hello\\\":\\\"world\\\"}\"}";

    private BaselineServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = BaselineServer.start(0, 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersTwoPipelinedRequestsInOrderOnOneKeptAliveConnection() throws IOException {
        try (Socket socket = new Socket(BaselineServer.HOST, server.port())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Both requests in one write, before reading anything: pipelined.
            out.write((post(BODY) + post("{\"input\":\"not json\"}")).getBytes(StandardCharsets.UTF_8));
            out.flush();

            Response first = Response.read(in);
            assertEquals(200, first.status());
            assertEquals("application/x-amz-json-1.0", first.headers().get("content-type"));
            assertArrayEquals(BaselineHandler.ANSWER, first.body());
            Response second = Response.read(in);
            assertEquals(400, second.status());
            assertArrayEquals(BaselineHandler.MALFORMED, second.body());

            // Still open: a third request on the same connection is answered.
            out.write(post(BODY).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals(200, Response.read(in).status());
        }
    }

    @Test
    void answersHttpClientWithTheAmzJsonDocument() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS)).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(
                        "http://" + BaselineServer.HOST + ":" + server.port() + "/"))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .header("X-Amz-Target", "AWSStepFunctions.StartSyncExecution")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(BaselineHandler.ANSWER, response.body());
        assertEquals("application/x-amz-json-1.0", response.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void isBoundToLoopbackAndTheCommandKnowsItsOptions() {
        assertTrue(server.port() > 0);
        CommandLine.ParseResult parsed = new CommandLine(new EmbeddedLoadTest())
                .parseArgs("baseline-server", "--port", "0", "--event-loops", "1");
        assertEquals("baseline-server", parsed.subcommand().commandSpec().name());
    }

    @Test
    void theAnswerIsOneJsonObjectOfAStartSyncAnswersSize() throws Exception {
        var answer = io.quickstep.json.Json.parse(BaselineHandler.ANSWER);
        assertEquals("SUCCEEDED", answer.get("status").textValue());
        assertTrue(BaselineHandler.ANSWER.length > 400 && BaselineHandler.ANSWER.length < 600);
    }

    private static String post(String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: AWSStepFunctions.StartSyncExecution\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** An HTTP/1.1 answer with a Content-Length, read off the stream and no further. */
    private record Response(int status, Map<String, String> headers, byte[] body) {
        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            return new Response(status, headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed mid-answer");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
