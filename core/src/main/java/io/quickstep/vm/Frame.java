package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.compiler.Program;
import io.quickstep.compiler.StateInfo;
import io.quickstep.json.Json;
import io.quickstep.path.PathScope;

/**
 * One run of a {@link Program}: the top level of an execution, one Parallel branch or one Map
 * iteration. It is the {@link PathScope} that paths and templates read while a state runs.
 */
final class Frame implements PathScope {
    final Execution execution;
    final Program program;
    /** What {@code $} means for the expression being evaluated. */
    JsonNode scopeInput;
    StateInfo state;
    /** The current state's input, as it entered (before InputPath). */
    JsonNode stateInput;
    long enteredMillis;
    int enteredEventId;
    /** Retries made in the current state, in all; and per Retry rule. */
    int retryCount;
    int[] retryAttempts = new int[0];
    /** {@code $$.Map.Item} while a Map state evaluates its ItemSelector, else null. */
    ObjectNode mapItem;
    private ObjectNode context;

    Frame(Execution execution, Program program) {
        this.execution = execution;
        this.program = program;
    }

    void enter(StateInfo state) {
        this.state = state;
        this.enteredMillis = execution.clock.millis();
        this.enteredEventId = ++execution.eventId;
        this.retryCount = 0;
        if (retryAttempts.length < state.retry().length) {
            retryAttempts = new int[state.retry().length];
        } else {
            java.util.Arrays.fill(retryAttempts, 0);
        }
        this.context = null;
    }

    void retried() {
        retryCount++;
        context = null;
    }

    @Override
    public JsonNode input() {
        return scopeInput;
    }

    @Override
    public JsonNode context() {
        if (mapItem != null) {
            ObjectNode withItem = Json.NODES.objectNode();
            withItem.setAll(base());
            withItem.set("Map", Json.NODES.objectNode().set("Item", mapItem));
            return withItem;
        }
        return base();
    }

    private ObjectNode base() {
        if (context == null) {
            ObjectNode node = Json.NODES.objectNode();
            node.set("Execution", execution.executionContext());
            ObjectNode stateNode = node.putObject("State");
            stateNode.put("EnteredTime", Execution.timestamp(enteredMillis));
            stateNode.put("Name", state.name());
            if (state.task() != null) {
                stateNode.put("RetryCount", retryCount);
            }
            node.set("StateMachine", execution.stateMachineContext());
            context = node;
        }
        return context;
    }

    @Override
    public JsonNode variable(String name) {
        return null;
    }
}
