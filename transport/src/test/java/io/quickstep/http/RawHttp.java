package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain socket speaking HTTP/1.1 by hand, to send what no client library would: broken requests,
 * half requests, pipelined ones. Answers are read by their Content-Length, as the server frames them.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(20_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A well-formed API request's bytes. */
    static String apiRequest(String target, String body) {
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return "POST / HTTP/1.1\r\nHost: sync-127.0.0.1\r\n"
                + (target == null ? "" : "X-Amz-Target: " + target + "\r\n")
                + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + length + "\r\n\r\n" + body;
    }

    /** The bytes of {@code POST /} calling {@code AWSStepFunctions.<operation>} with this body. */
    public static byte[] call(String operation, String body) {
        return apiRequest("AWSStepFunctions." + operation, body).getBytes(StandardCharsets.UTF_8);
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one answer (Content-Length framed); null when the server closed the connection first. */
    public Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server has closed the connection (end of stream, or a reset). */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An answer: its status, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body as JSON (an empty object when there is none). */
        public JsonNode json() throws IOException {
            return body.isEmpty() ? Json.NODES.objectNode() : Json.parse(body);
        }

        /** An AWS error answer's {@code __type}. */
        public String errorType() throws IOException {
            return json().path("__type").asText();
        }
    }
}
