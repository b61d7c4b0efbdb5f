package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what a client library will not send: broken requests, half
 * requests, pipelined ones. Answers are read by their Content-Length, as the server frames them.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;

    RawClient(InetSocketAddress server) throws IOException {
        socket = new Socket(server.getAddress(), server.getPort());
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    /** The bytes of {@code POST /} calling {@code AWSStepFunctions.<operation>} with this body. */
    static byte[] call(String operation, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSStepFunctions." + operation
                + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + json.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + json.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(json, 0, all, head.length, json.length);
        return all;
    }

    RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer: its status and JSON body (the error's {@code __type} for AWS errors). */
    record Answer(int status, JsonNode body) {
        String errorType() {
            return body.path("__type").asText();
        }
    }

    /** The next answer; null when the server closed the connection instead. */
    Answer read() throws IOException {
        String status = line();
        if (status == null) {
            return null;
        }
        int length = 0;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(Integer.parseInt(status.split(" ", 3)[1]),
                length == 0 ? Json.NODES.objectNode() : Json.parse(body));
    }

    /** Whether the server closed the connection: end of stream, or a reset. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
