package io.quickstep.jmh.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.quickstep.json.Json;

import java.io.IOException;

/**
 * Jackson's streaming API by hand: the envelope read token by token, the answer written field by
 * field. Checks what databind with the engine's mapper checks: an object of string members it knows,
 * nothing after it.
 */
final class StreamingCodec implements StartSyncCodec {
    private final JsonFactory factory = Json.MAPPER.getFactory();

    @Override
    public StartSyncRequest decode(byte[] body) throws IOException {
        String arn = null;
        String name = null;
        String input = null;
        String traceHeader = null;
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the request body is not a JSON object");
            }
            String field;
            while ((field = parser.nextFieldName()) != null) {
                String value = stringValue(parser, field);
                switch (field) {
                    case "stateMachineArn" -> arn = value;
                    case "name" -> name = value;
                    case "input" -> input = value;
                    case "traceHeader" -> traceHeader = value;
                    default -> throw new IOException("unknown member " + field);
                }
            }
            // nextFieldName() returns null at the object's end, or at a token that cannot be there.
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("the request body is not one JSON object");
            }
        }
        return StartSyncRequest.of(arn, name, input, traceHeader);
    }

    /** The next value, which must be a string or null. */
    private static String stringValue(JsonParser parser, String field) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new IOException(field + " is not a string");
    }

    @Override
    public byte[] encode(StartSyncAnswer answer) throws IOException {
        // As ObjectMapper.writeValueAsBytes does: a byte builder on the factory's recycled buffers.
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(factory._getBufferRecycler())) {
            try (JsonGenerator out = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeStringField("executionArn", answer.getExecutionArn());
                out.writeStringField("stateMachineArn", answer.getStateMachineArn());
                out.writeStringField("name", answer.getName());
                out.writeNumberField("startDate", answer.getStartDate());
                out.writeNumberField("stopDate", answer.getStopDate());
                out.writeStringField("status", answer.getStatus());
                out.writeStringField("output", answer.getOutput());
                writeDetails(out, "outputDetails", answer.getOutputDetails());
                out.writeStringField("input", answer.getInput());
                writeDetails(out, "inputDetails", answer.getInputDetails());
                out.writeObjectFieldStart("billingDetails");
                out.writeNumberField("billedMemoryUsedInMB", answer.getBillingDetails().getBilledMemoryUsedInMB());
                out.writeNumberField("billedDurationInMilliseconds",
                        answer.getBillingDetails().getBilledDurationInMilliseconds());
                out.writeEndObject();
                out.writeEndObject();
            }
            byte[] result = bytes.toByteArray();
            bytes.release();
            return result;
        }
    }

    private static void writeDetails(JsonGenerator out, String field, StartSyncAnswer.Details details)
            throws IOException {
        out.writeObjectFieldStart(field);
        out.writeBooleanField("included", details.isIncluded());
        out.writeEndObject();
    }
}
