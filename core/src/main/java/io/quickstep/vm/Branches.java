package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.compiler.MapSpec;
import io.quickstep.compiler.Program;
import io.quickstep.compiler.StateInfo;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;

/**
 * Parallel and Map states: child programs run in frames of their own. Here they run one after the
 * other on the calling thread; their outputs keep branch and item order, as on AWS.
 */
final class Branches {
    private Branches() {
    }

    static JsonNode parallel(Frame frame, StateInfo state, JsonNode input, long inputBytes) {
        Execution execution = frame.execution;
        execution.eventId++; // ParallelStateStarted
        Program[] branches = state.children();
        ArrayNode outputs = Json.NODES.arrayNode(branches.length);
        for (Program branch : branches) {
            outputs.add(Interpreter.run(new Frame(execution, branch), input, inputBytes));
        }
        execution.eventId++; // ParallelStateSucceeded
        return outputs;
    }

    static JsonNode map(Frame frame, StateInfo state, JsonNode input, long inputBytes) {
        Execution execution = frame.execution;
        MapSpec spec = state.map();
        JsonNode items = Paths.select(spec.itemsPath(), input, frame);
        if (!items.isArray()) {
            throw new ExecutionFailure(StatesErrors.RUNTIME, "Map state input must be an array but was: "
                    + Json.write(items));
        }
        MapLimits.maxConcurrency(spec, frame, input);
        MapLimits tolerance = MapLimits.tolerance(spec, frame, input);
        execution.eventId++; // MapStateStarted
        Program processor = state.children()[0];
        ArrayNode outputs = Json.NODES.arrayNode(items.size());
        int failures = 0;
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = itemInput(frame, spec, input, items.get(index), index);
            long itemBytes = spec.itemSelector() == null ? inputBytes : spec.itemSelector().sizeBound(inputBytes);
            execution.eventId++; // MapIterationStarted
            try {
                outputs.add(Interpreter.run(new Frame(execution, processor), item, itemBytes));
            } catch (ExecutionFailure failure) {
                if (tolerance == null) {
                    throw failure;
                }
                failures++;
                if (tolerance.exceeded(failures, items.size())) {
                    throw new ExecutionFailure(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded");
                }
                outputs.add(Recovery.errorOutput(failure));
            }
            execution.eventId++; // MapIterationSucceeded
        }
        execution.eventId++; // MapStateSucceeded
        return outputs;
    }

    /** The item's input: the ItemSelector evaluated with {@code $$.Map.Item}, or the item itself. */
    private static JsonNode itemInput(Frame frame, MapSpec spec, JsonNode input, JsonNode item, int index) {
        if (spec.itemSelector() == null) {
            return item;
        }
        ObjectNode mapItem = Json.NODES.objectNode();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        frame.mapItem = mapItem;
        frame.scopeInput = input;
        try {
            return spec.itemSelector().evaluate(frame);
        } finally {
            frame.mapItem = null;
        }
    }
}
