package io.quickstep.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.events.HistoryEvent;
import io.quickstep.json.Json;

import java.util.List;

/**
 * The end of one execution: the output when it succeeded, else the error and cause (either may be
 * null, as on AWS). Times are epoch milliseconds on the execution's clock. {@code events} are the
 * execution's history events, oldest first, when its state machine records them, else empty.
 */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause,
                              long startMillis, long stopMillis, List<HistoryEvent> events) {

    public ExecutionResult {
        events = events == null ? List.of() : events;
    }

    /** An end without recorded events. */
    public ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause, long startMillis,
                           long stopMillis) {
        this(status, output, error, cause, startMillis, stopMillis, List.of());
    }

    public boolean succeeded() {
        return status == ExecutionStatus.SUCCEEDED;
    }

    /**
     * The billed duration, as StartSyncExecution's {@code billingDetails} report it for Express
     * workflows: the duration rounded up to the next 100 milliseconds.
     */
    public long billedDurationMillis() {
        long duration = Math.max(0, stopMillis - startMillis);
        return Math.max(100, (duration + 99) / 100 * 100);
    }

    /** The billed memory: Express workflows are billed in 64 MB chunks; an in-process execution uses one. */
    public long billedMemoryMb() {
        return 64;
    }

    /** {@code {"status":..,"output":..}} or {@code {"status":..,"error":..,"cause":..}}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("status", status.name());
        if (succeeded()) {
            node.set("output", output);
        } else {
            node.put("error", error);
            node.put("cause", cause);
        }
        return node;
    }
}
