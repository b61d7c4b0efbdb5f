package io.quickstep.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.POJONode;
import io.quickstep.json.Json;

import java.io.IOException;

/**
 * An answer written straight to its bytes rather than built as a tree and then written: the answer
 * of the hot operation (StartSyncExecution), where building the tree and Jackson's walk of it cost
 * a quarter of the event loop's time per request. It travels as the value of a {@link POJONode},
 * since the API answers {@link JsonNode}s: the ingress finds it with {@link #in} and writes it with
 * {@link #writeTo}; Jackson writes it the same way anywhere else, and {@link #tree} gives the tree
 * for whoever wants to read its fields.
 */
public abstract class StreamedAnswer extends JsonSerializable.Base {
    /** Writes the answer, one JSON object. */
    public abstract void writeTo(JsonGenerator json) throws IOException;

    /** The streamed answer a node carries, or null when it is an ordinary tree. */
    public static StreamedAnswer in(JsonNode answer) {
        return answer instanceof POJONode pojo && pojo.getPojo() instanceof StreamedAnswer streamed ? streamed : null;
    }

    /** The answer as a tree: a streamed one written into one, any other as it is. */
    public static JsonNode tree(JsonNode answer) {
        return in(answer) != null ? Json.MAPPER.valueToTree(answer) : answer;
    }

    /** This answer, as the node the API answers with. */
    JsonNode node() {
        return Json.NODES.pojoNode(this);
    }

    @Override
    public final void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
        writeTo(json);
    }

    @Override
    public final void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer types)
            throws IOException {
        writeTo(json);
    }
}
