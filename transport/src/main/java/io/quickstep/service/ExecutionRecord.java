package io.quickstep.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One execution the service started: what it ran and how it ended. It is the engine's listener for
 * that execution, so a start makes this one object (and, for StartSyncExecution, the future of the
 * answer) and nothing more.
 */
final class ExecutionRecord implements ExecutionListener {
    // StartSyncExecution's field names, encoded once (Jackson encodes a String name on every write).
    private static final SerializedString F_EXECUTION_ARN = new SerializedString("executionArn");
    private static final SerializedString F_STATE_MACHINE_ARN = new SerializedString("stateMachineArn");
    private static final SerializedString F_NAME = new SerializedString("name");
    private static final SerializedString F_START_DATE = new SerializedString("startDate");
    private static final SerializedString F_STOP_DATE = new SerializedString("stopDate");
    private static final SerializedString F_STATUS = new SerializedString("status");
    private static final SerializedString F_OUTPUT = new SerializedString("output");
    private static final SerializedString F_OUTPUT_DETAILS = new SerializedString("outputDetails");
    private static final SerializedString F_INPUT = new SerializedString("input");
    private static final SerializedString F_INPUT_DETAILS = new SerializedString("inputDetails");
    private static final SerializedString F_INCLUDED = new SerializedString("included");
    private static final SerializedString F_BILLING_DETAILS = new SerializedString("billingDetails");
    private static final SerializedString F_BILLED_MEMORY = new SerializedString("billedMemoryUsedInMB");
    private static final SerializedString F_BILLED_DURATION = new SerializedString("billedDurationInMilliseconds");
    final long sequence;
    final String arn;
    final String name;
    final StateMachineEntry stateMachine;
    final Revision revision;
    /** The version and alias the execution was started on, or null. */
    final String versionArn;
    final String aliasArn;
    /** The input as sent. */
    final String input;
    final long startMillis;
    private final ExecutionStore store;
    private final CompletableFuture<JsonNode> syncAnswer;
    private volatile ExecutionResult result;
    /** Started by StartSyncExecution: its answer waits for its end. */
    final boolean sync;
    /** The next execution to have finished after this one, while the store keeps both; see {@link ExecutionStore}. */
    ExecutionRecord nextFinished;

    ExecutionRecord(ExecutionStore store, String arn, String name, StateMachineEntry stateMachine, Revision revision,
                    String versionArn, String aliasArn, String input, long startMillis, boolean sync) {
        this.sequence = store.nextSequence();
        this.store = store;
        this.arn = arn;
        this.name = name;
        this.stateMachine = stateMachine;
        this.revision = revision;
        this.versionArn = versionArn;
        this.aliasArn = aliasArn;
        this.input = input;
        this.startMillis = startMillis;
        this.sync = sync;
        this.syncAnswer = sync ? new CompletableFuture<>() : null;
    }

    /** Told by the engine, on a shard's thread. */
    @Override
    public void ended(ExecutionResult ended) {
        result = ended;
        store.finished(this);
        if (syncAnswer != null) {
            syncAnswer.complete(syncAnswer());
        }
    }

    /** The result, or null while it runs. */
    ExecutionResult result() {
        return result;
    }

    String status() {
        ExecutionResult ended = result;
        return ended == null ? "RUNNING" : ended.status().name();
    }

    /** StartSyncExecution's answer, once the execution has ended. */
    CompletableFuture<JsonNode> answer() {
        return syncAnswer;
    }

    /** StartSyncExecution's answer, written as it is sent (no tree: see {@link StreamedAnswer}). */
    private JsonNode syncAnswer() {
        ExecutionResult ended = result;
        // Written to text here and not in writeTo: a generator inside another one finds the thread's
        // recycled buffers taken, and allocates its own (13 KB per answer, seen in a profile).
        String output = ended.succeeded() ? Json.write(ended.output()) : null;
        return new StreamedAnswer() {
            @Override
            public void writeTo(JsonGenerator json) throws IOException {
                json.writeStartObject();
                json.writeFieldName(F_EXECUTION_ARN);
                json.writeString(arn);
                json.writeFieldName(F_STATE_MACHINE_ARN);
                json.writeString(stateMachine.arn);
                json.writeFieldName(F_NAME);
                json.writeString(name);
                json.writeFieldName(F_START_DATE);
                Dates.write(json, startMillis);
                json.writeFieldName(F_STOP_DATE);
                Dates.write(json, ended.stopMillis());
                json.writeFieldName(F_STATUS);
                json.writeString(ended.status().name());
                if (output != null) {
                    json.writeFieldName(F_OUTPUT);
                    json.writeString(output);
                    writeIncluded(json, F_OUTPUT_DETAILS);
                } else {
                    writeIfPresent(json, "error", ended.error());
                    writeIfPresent(json, "cause", ended.cause());
                }
                json.writeFieldName(F_INPUT);
                json.writeString(input);
                writeIncluded(json, F_INPUT_DETAILS);
                json.writeFieldName(F_BILLING_DETAILS);
                json.writeStartObject();
                json.writeFieldName(F_BILLED_MEMORY);
                json.writeNumber(ended.billedMemoryMb());
                json.writeFieldName(F_BILLED_DURATION);
                json.writeNumber(ended.billedDurationMillis());
                json.writeEndObject();
                json.writeEndObject();
            }
        }.node();
    }

    /** {@code "field": {"included": true}}. */
    private static void writeIncluded(JsonGenerator json, SerializedString field) throws IOException {
        json.writeFieldName(field);
        json.writeStartObject();
        json.writeFieldName(F_INCLUDED);
        json.writeBoolean(true);
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    /** DescribeExecution's answer. */
    ObjectNode describe() {
        ObjectNode answer = summary();
        answer.put("input", input);
        answer.putObject("inputDetails").put("included", true);
        if (result != null) {
            putOutcome(answer);
        }
        if (stateMachine.standard()) {
            answer.put("redriveStatus", "NOT_REDRIVABLE");
            answer.put("redriveStatusReason", "Execution is " + status() + " and cannot be redriven");
        }
        return answer;
    }

    /** ListExecutions' item. */
    ObjectNode summary() {
        ExecutionResult ended = result;
        ObjectNode item = Json.NODES.objectNode();
        item.put("executionArn", arn);
        item.put("stateMachineArn", stateMachine.arn);
        item.put("name", name);
        item.put("status", ended == null ? "RUNNING" : ended.status().name());
        item.set("startDate", Dates.epochSeconds(startMillis));
        if (ended != null) {
            item.set("stopDate", Dates.epochSeconds(ended.stopMillis()));
        }
        if (versionArn != null) {
            item.put("stateMachineVersionArn", versionArn);
        }
        if (aliasArn != null) {
            item.put("stateMachineAliasArn", aliasArn);
        }
        if (stateMachine.standard()) {
            item.put("redriveCount", 0);
        }
        return item;
    }

    /** The output (with its details) or the error and cause, whichever the result has. */
    private void putOutcome(ObjectNode answer) {
        if (result.succeeded()) {
            answer.put("output", Json.write(result.output()));
            answer.putObject("outputDetails").put("included", true);
        } else {
            putIfPresent(answer, "error", result.error());
            putIfPresent(answer, "cause", result.cause());
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
