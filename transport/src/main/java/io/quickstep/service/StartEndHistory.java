package io.quickstep.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The events known without the engine's own record of states: ExecutionStarted, and once the
 * execution has ended, ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut or ExecutionAborted.
 */
final class StartEndHistory implements ExecutionHistory {
    @Override
    public List<ObjectNode> events(ExecutionRecord execution, boolean includeData) {
        List<ObjectNode> events = new ArrayList<>(2);
        ObjectNode started = event(1, 0, execution.startMillis, "ExecutionStarted");
        ObjectNode details = started.putObject("executionStartedEventDetails");
        if (includeData) {
            details.put("input", execution.input);
        }
        details.putObject("inputDetails").put("truncated", false);
        details.put("roleArn", execution.revision.roleArn());
        ExecutionRecord.putIfPresent(details, "stateMachineAliasArn", execution.aliasArn);
        ExecutionRecord.putIfPresent(details, "stateMachineVersionArn", execution.versionArn);
        events.add(started);

        ExecutionResult result = execution.result();
        if (result != null) {
            events.add(ended(result, includeData));
        }
        return events;
    }

    private static ObjectNode ended(ExecutionResult result, boolean includeData) {
        String type = switch (result.status()) {
            case SUCCEEDED -> "ExecutionSucceeded";
            case FAILED -> "ExecutionFailed";
            case TIMED_OUT -> "ExecutionTimedOut";
            case ABORTED -> "ExecutionAborted";
        };
        ObjectNode event = event(2, 1, result.stopMillis(), type);
        ObjectNode details = event.putObject(Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails");
        if (result.succeeded()) {
            if (includeData) {
                details.put("output", Json.write(result.output()));
            }
            details.putObject("outputDetails").put("truncated", false);
        } else {
            ExecutionRecord.putIfPresent(details, "error", result.error());
            ExecutionRecord.putIfPresent(details, "cause", result.cause());
        }
        return event;
    }

    private static ObjectNode event(int id, int previous, long millis, String type) {
        ObjectNode event = Json.NODES.objectNode();
        event.set("timestamp", Dates.epochSeconds(millis));
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", previous);
        return event;
    }
}
