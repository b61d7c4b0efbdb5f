package io.quickstep.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.quickstep.json.Json;
import io.quickstep.json.MalformedJsonException;
import io.quickstep.service.AwsException;

import java.io.IOException;
import java.util.Locale;

/**
 * An API request's body, a JSON object, read as a tree. The members come from Jackson's streaming
 * parser, string members (all of StartSyncExecution's) straight into text nodes, and any other value
 * through databind: a whole-body {@code readTree} cost about a fifth of the event loop's time per
 * StartSyncExecution in a profile (its per-call set-up, for a body of a hundred bytes), about what
 * the rest of the request's parsing and the execution cost together.
 */
final class RequestBody {
    /** A member's value; the object goes on after it, so no check for tokens after the value here. */
    private static final ObjectReader MEMBER = Json.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBody() {
    }

    /** The body as a JSON object; an empty body is an empty object (as the SDKs send no input). */
    static JsonNode parse(ByteBuf content) throws AwsException {
        if (!content.isReadable()) {
            return Json.NODES.objectNode();
        }
        // The body's own array when it has one of exactly its size, else a copy (a hundred bytes or so).
        byte[] bytes = ByteBufUtil.getBytes(content, content.readerIndex(), content.readableBytes(), false);
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Json.NODES.objectNode();
            }
            if (first != JsonToken.START_OBJECT) {
                throw notAnObject(Json.parse(bytes)); // the whole text first: malformed JSON says so instead
            }
            ObjectNode body = Json.NODES.objectNode();
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                body.set(field, value == JsonToken.VALUE_STRING ? Json.NODES.textNode(parser.getText())
                        : MEMBER.readTree(parser));
            }
            if (parser.nextToken() != null) {
                throw ProtocolErrors.serialization("unexpected text after the request object, at line "
                        + parser.currentTokenLocation().getLineNr() + ", column "
                        + parser.currentTokenLocation().getColumnNr());
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ProtocolErrors.serialization(MalformedJsonException.of(e).getMessage());
        } catch (IOException e) {
            throw ProtocolErrors.serialization(String.valueOf(e.getMessage()));
        }
    }

    private static AwsException notAnObject(JsonNode value) {
        return ProtocolErrors.serialization("found " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                + " where the operation's request object was expected");
    }
}
