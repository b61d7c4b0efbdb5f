package io.quickstep.loadtest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quickstep.json.Json;

import java.io.IOException;
import java.io.InputStream;

/**
 * The parsing {@link BaselineServer} does per request, what any StartSyncExecution server must:
 * the AWS JSON 1.0 envelope, an object of string members, with Jackson's streaming API, and the JSON
 * text of its {@code input} member into the engine's tree.
 */
final class BaselineRequest {
    private BaselineRequest() {
    }

    /** The parsed input (a missing node when there is none); throws on malformed JSON. */
    static JsonNode parse(InputStream body) throws IOException {
        JsonNode input = null;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            String field;
            while ((field = parser.nextFieldName()) != null) {
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IOException(field + " is not a string");
                }
                if ("input".equals(field)) {
                    input = Json.parse(parser.getText());
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("not one JSON object");
            }
        }
        return input == null ? MissingNode.getInstance() : input;
    }
}
