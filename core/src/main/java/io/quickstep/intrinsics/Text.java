package io.quickstep.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quickstep.json.Json;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** How intrinsics turn values into text. */
final class Text {
    /** Compact JSON with decimals never in exponent notation (100.0 is held as 1E+2 after parsing). */
    private static final ObjectWriter PLAIN_JSON = Json.MAPPER.writer()
            .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Text() {
    }

    /** Compact JSON text, as States.JsonToString writes it. */
    static String json(JsonNode value) {
        try {
            return PLAIN_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A value as States.Format inserts it: a string as is, other scalars as their JSON text, and
     * containers the way Java prints maps and lists, {@code {Id=arn:..., Name=x}} and
     * {@code [1, a]} (AWS's recorded output for an object argument).
     */
    static String render(JsonNode value) {
        StringBuilder out = new StringBuilder();
        render(value, out);
        return out.toString();
    }

    private static void render(JsonNode value, StringBuilder out) {
        if (value.isTextual()) {
            out.append(value.textValue());
        } else if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> members = value.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                out.append(member.getKey()).append('=');
                render(member.getValue(), out);
                out.append(members.hasNext() ? ", " : "");
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                render(value.get(i), out);
            }
            out.append(']');
        } else if (value.isBigDecimal()) {
            out.append(value.decimalValue().toPlainString());
        } else {
            out.append(value.asText());
        }
    }
}
