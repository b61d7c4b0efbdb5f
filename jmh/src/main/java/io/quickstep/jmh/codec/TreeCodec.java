package io.quickstep.jmh.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.io.IOException;

/** Databind through a tree: the envelope read as an {@link ObjectNode}, the answer built as one. */
final class TreeCodec implements StartSyncCodec {
    private final ObjectMapper mapper = Json.MAPPER;

    @Override
    public StartSyncRequest decode(byte[] body) throws IOException {
        JsonNode envelope = mapper.readTree(body);
        if (!envelope.isObject()) {
            throw new IOException("the request body is not a JSON object");
        }
        return StartSyncRequest.of(text(envelope, "stateMachineArn"), text(envelope, "name"),
                text(envelope, "input"), text(envelope, "traceHeader"));
    }

    /** A string member's value; null when it is missing or null. */
    private static String text(JsonNode envelope, String field) throws IOException {
        JsonNode value = envelope.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IOException(field + " is not a string");
        }
        return value.textValue();
    }

    @Override
    public byte[] encode(StartSyncAnswer answer) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        node.put("executionArn", answer.getExecutionArn());
        node.put("stateMachineArn", answer.getStateMachineArn());
        node.put("name", answer.getName());
        node.put("startDate", answer.getStartDate());
        node.put("stopDate", answer.getStopDate());
        node.put("status", answer.getStatus());
        node.put("output", answer.getOutput());
        node.putObject("outputDetails").put("included", answer.getOutputDetails().isIncluded());
        node.put("input", answer.getInput());
        node.putObject("inputDetails").put("included", answer.getInputDetails().isIncluded());
        ObjectNode billing = node.putObject("billingDetails");
        billing.put("billedMemoryUsedInMB", answer.getBillingDetails().getBilledMemoryUsedInMB());
        billing.put("billedDurationInMilliseconds", answer.getBillingDetails().getBilledDurationInMilliseconds());
        return mapper.writeValueAsBytes(node);
    }
}
