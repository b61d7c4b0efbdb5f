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
import io.quickstep.jsonata.JsonataErrors;

/**
 * The child frames of one Parallel or Map state: started up to the concurrency limit, collected in
 * branch or item order, and turned into the parent's result when the last one finishes. The first
 * failure of a state that tolerates none cancels the others and fails the parent with it, as on AWS.
 */
final class Children {
    private final Frame parent;
    private final Program[] programs;
    private final JsonNode[] inputs;
    private final long[] inputBytes;
    private final Frame[] frames;
    private final JsonNode[] outputs;
    private final int maxConcurrency;
    private final MapLimits tolerance;
    private final boolean isMap;
    /**
     * The last event id of each item of a distributed Map (a child execution with a history of its
     * own, see {@link History}); null for any other Map and for Parallel.
     */
    final int[] itemEventIds;
    private int started;
    private int finished;
    private int failures;
    private boolean closed;

    private Children(Frame parent, Program[] programs, JsonNode[] inputs, long[] inputBytes, int maxConcurrency,
                     MapLimits tolerance, boolean isMap) {
        this.parent = parent;
        this.programs = programs;
        this.inputs = inputs;
        this.inputBytes = inputBytes;
        this.frames = new Frame[inputs.length];
        this.outputs = new JsonNode[inputs.length];
        this.maxConcurrency = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
        this.tolerance = tolerance;
        this.isMap = isMap;
        this.itemEventIds = isMap ? History.itemEventIds(parent, inputs.length) : null;
    }

    /** Whether its children are a distributed Map's items, child executions of their own. */
    boolean isDistributedMap() {
        return itemEventIds != null;
    }

    /** Starts the branches of a Parallel state on its effective input. */
    static void parallel(Frame frame, StateInfo state) {
        Program[] branches = state.children();
        JsonNode[] inputs = new JsonNode[branches.length];
        long[] bytes = new long[branches.length];
        java.util.Arrays.fill(inputs, frame.value);
        java.util.Arrays.fill(bytes, frame.valueBytes);
        History.childrenStarted(frame, false, branches.length);
        new Children(frame, branches, inputs, bytes, 0, null, false).start();
    }

    /** Starts the iterations of a Map state over the items found in its effective input. */
    static void map(Frame frame, StateInfo state) {
        MapSpec spec = state.map();
        JsonNode input = frame.value;
        JsonNode items = items(spec, frame, input);
        long maxConcurrency = MapLimits.maxConcurrency(spec, frame, input);
        int size = items.size();
        // Between the two limits, as on AWS: a bad MaxConcurrency fails the state before it starts,
        // a bad tolerated failure limit after.
        History.childrenStarted(frame, true, size);
        MapLimits tolerance = MapLimits.tolerance(spec, frame, input);
        History.mapRunStarted(frame);
        JsonNode[] inputs = new JsonNode[size];
        long[] bytes = new long[size];
        for (int index = 0; index < size; index++) {
            inputs[index] = itemInput(frame, spec, input, items.get(index), index);
            bytes[index] = spec.jsonata() != null ? DataLimit.measure(inputs[index])
                    : spec.itemSelector() == null ? frame.valueBytes : spec.itemSelector().sizeBound(frame.valueBytes);
        }
        Program[] processor = new Program[size];
        java.util.Arrays.fill(processor, state.children()[0]);
        new Children(frame, processor, inputs, bytes, (int) Math.min(Integer.MAX_VALUE, maxConcurrency), tolerance,
                true).start();
    }

    /** The items: at ItemsPath (JSONPath), from Items or the input itself (JSONata); an array. */
    private static JsonNode items(MapSpec spec, Frame frame, JsonNode input) {
        MapSpec.JsonataExpressions jsonata = spec.jsonata();
        if (jsonata == null) {
            JsonNode items = Paths.select(spec.itemsPath(), input, frame);
            if (!items.isArray()) {
                throw new ExecutionFailure(StatesErrors.RUNTIME, "Map state input must be an array but was: "
                        + Json.write(items));
            }
            return items;
        }
        if (jsonata.items() == null) {
            if (!input.isArray()) {
                throw JsonataErrors.mapInputNotArray(input);
            }
            return input;
        }
        JsonNode items = jsonata.items().evaluate(frame);
        if (!items.isArray()) {
            throw JsonataErrors.unexpectedType(jsonata.items().text(), "Items", "array", items);
        }
        return items;
    }

    /** The item's input: the ItemSelector evaluated with {@code $$.Map.Item}, or the item itself. */
    private static JsonNode itemInput(Frame frame, MapSpec spec, JsonNode input, JsonNode item, int index) {
        boolean jsonataSelector = spec.jsonata() != null && spec.jsonata().itemSelector() != null;
        if (spec.itemSelector() == null && !jsonataSelector) {
            return item;
        }
        ObjectNode mapItem = Json.NODES.objectNode();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        frame.mapItem = mapItem;
        frame.scopeInput = input;
        try {
            return jsonataSelector ? spec.jsonata().itemSelector().evaluate(frame) : spec.itemSelector().evaluate(frame);
        } finally {
            frame.mapItem = null;
        }
    }

    private void start() {
        if (inputs.length == 0) {
            complete();
            parent.pc++;
            return;
        }
        parent.children = this;
        parent.status = Frame.Status.WAITING_CHILDREN;
        while (started < inputs.length && started - finished < maxConcurrency) {
            launch(started++);
        }
    }

    private void launch(int index) {
        Frame child = new Frame(parent.execution, programs[index], inputs[index], inputBytes[index], this, index);
        frames[index] = child;
        parent.execution.ready(child);
    }

    /** The Parallel or Map state's frame. */
    Frame parent() {
        return parent;
    }

    /** A child runs for the first time. */
    void begun(Frame child) {
        History.childBegun(child, isMap);
    }

    /** The variables the children read through to: the parent's, created if it has none yet. */
    Variables parentVariables() {
        if (parent.variables == null) {
            parent.variables = new Variables(null);
        }
        return parent.variables;
    }

    /** Called by the VM when a child frame completed or failed. */
    void finished(Frame child) {
        if (closed) {
            return;
        }
        finished++;
        History.childEnded(child, isMap, finished == inputs.length);
        if (child.status == Frame.Status.COMPLETED) {
            outputs[child.childIndex] = child.output;
        } else if (tolerance != null) {
            outputs[child.childIndex] = Recovery.errorOutput(child.failure);
            if (tolerance.exceeded(++failures, inputs.length)) {
                fail(new ExecutionFailure(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                        "The specified tolerated failure threshold was exceeded"));
                return;
            }
        } else {
            fail(child.failure);
            return;
        }
        if (finished == inputs.length) {
            closed = true;
            complete();
            parent.pc++;
            parent.children = null;
            parent.execution.ready(parent);
        } else if (started < inputs.length) {
            launch(started++);
        }
    }

    private void complete() {
        ArrayNode result = Json.NODES.arrayNode(outputs.length);
        for (JsonNode output : outputs) {
            result.add(output);
        }
        History.childrenSucceeded(parent, isMap);
        parent.result = result;
        parent.resultBytes = DataLimit.measure(result);
    }

    private void fail(ExecutionFailure failure) {
        cancel();
        if (isMap && !StatesErrors.RUNTIME.equals(failure.error())) {
            History.mapRunFailed(parent);
        }
        parent.children = null;
        parent.pendingFailure = failure;
        parent.execution.ready(parent);
    }

    /** Cancels every child still running; their late outcomes are ignored. */
    void cancel() {
        closed = true;
        for (Frame frame : frames) {
            if (frame != null) {
                boolean running = frame.status != Frame.Status.COMPLETED && frame.status != Frame.Status.FAILED
                        && frame.status != Frame.Status.CANCELLED;
                if (isMap && running && !frame.unbegun) {
                    History.iterationAborted(frame);
                }
                frame.cancel();
            }
        }
    }
}
