package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;

import java.util.concurrent.CompletableFuture;

/**
 * One execution the service started: what it ran and how it ended. It is the engine's listener for
 * that execution, so a start makes this one object (and, for StartSyncExecution, the future of the
 * answer) and nothing more.
 */
final class ExecutionRecord implements ExecutionListener {
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

    private ObjectNode syncAnswer() {
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("executionArn", arn);
        answer.put("stateMachineArn", stateMachine.arn);
        answer.put("name", name);
        answer.set("startDate", Dates.epochSeconds(startMillis));
        answer.set("stopDate", Dates.epochSeconds(result.stopMillis()));
        answer.put("status", result.status().name());
        putOutcome(answer);
        answer.put("input", input);
        answer.putObject("inputDetails").put("included", true);
        answer.putObject("billingDetails").put("billedMemoryUsedInMB", result.billedMemoryMb())
                .put("billedDurationInMilliseconds", result.billedDurationMillis());
        return answer;
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
