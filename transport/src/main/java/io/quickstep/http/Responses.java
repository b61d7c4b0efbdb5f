package io.quickstep.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.quickstep.json.Json;
import io.quickstep.service.AwsException;
import io.quickstep.service.StreamedAnswer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds the ingress's answers: AWS JSON 1.0 bodies and errors, with AWS's headers. */
final class Responses {
    static final AsciiString AMZ_JSON = AsciiString.cached("application/x-amz-json-1.0");
    static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");

    /** The server's own headers need no checking: their names and values are constants, numbers and ids. */
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private static final AsciiString CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
    private static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    private static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'none'";

    private Responses() {
    }

    /** An operation's answer. */
    static FullHttpResponse json(ByteBufAllocator alloc, JsonNode body) {
        ByteBuf content = alloc.buffer();
        StreamedAnswer streamed = StreamedAnswer.in(body);
        try (ByteBufOutputStream out = new ByteBufOutputStream(content)) {
            if (streamed != null) {
                try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator((java.io.OutputStream) out)) {
                    streamed.writeTo(json);
                }
            } else {
                Json.MAPPER.writeValue((java.io.OutputStream) out, body);
            }
        } catch (IOException | RuntimeException e) {
            content.release();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return response(HttpResponseStatus.OK, AMZ_JSON, content);
    }

    /** AWS's error shape: {@code {"__type": ..., "message": ...}} with the error's HTTP status. */
    static FullHttpResponse error(ByteBufAllocator alloc, AwsException error) {
        ByteBuf content = alloc.buffer();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator((java.io.OutputStream) new ByteBufOutputStream(content))) {
            json.writeStartObject();
            json.writeStringField("__type", error.type());
            json.writeStringField("message", error.getMessage());
            json.writeEndObject();
        } catch (IOException e) {
            content.release();
            throw new UncheckedIOException(e);
        }
        return response(HttpResponseStatus.valueOf(error.httpStatus()), AMZ_JSON, content);
    }

    /** Any other answer (health, metrics). */
    static FullHttpResponse response(HttpResponseStatus status, CharSequence contentType, ByteBuf content) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content, HEADERS, TRAILERS);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        headers.set(REQUEST_ID, RequestIds.next());
        return response;
    }

    /**
     * A page of the live view: never cached (its figures change), never sniffed as another type,
     * and allowed to load nothing but what the server itself serves (no script or style from
     * elsewhere; the diagrams' inline style sheets aside).
     */
    static FullHttpResponse page(ByteBufAllocator alloc, WebPage page) {
        FullHttpResponse response = response(HttpResponseStatus.valueOf(page.status()), page.contentType(),
                alloc.buffer(page.body().length).writeBytes(page.body()));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, PAGE_POLICY);
        return response;
    }

    /** Marks how the connection goes on after this answer: closed, or kept alive for an HTTP/1.0 client. */
    static void connection(FullHttpResponse response, Connection connection) {
        if (connection == Connection.CLOSE) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (connection == Connection.KEEP_ALIVE_1_0) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /** What becomes of a connection after an answer. */
    enum Connection {
        /** HTTP/1.1's default: no header needed. */
        KEEP_ALIVE,
        /** An HTTP/1.0 client that asked to keep the connection: it must be told it is kept. */
        KEEP_ALIVE_1_0,
        /** Closed once the answer is written. */
        CLOSE
    }
}
