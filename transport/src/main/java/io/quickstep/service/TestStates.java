package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.Diagnostic;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * TestState: runs one state on an input. The state becomes the start of a machine in which each
 * of its transitions (Next, a Choice rule's or the Default's Next, a Catcher's Next) leads to a Pass
 * state that wraps the output with the transition taken, so the answer can name the next state.
 * Waits and retry intervals cost no time (a virtual clock). {@code inspectionLevel} is checked, but
 * no inspection data is given yet.
 */
final class TestStates {
    static final String STATE = "TestState";
    private static final String NEXT = "QuickstepTestStateNext";
    private static final String OUTPUT = "QuickstepTestStateOutput";

    private final TaskHandler tasks;
    private final Executor executor;

    /** Runs tests on {@code executor}: a test may call slow task handlers. */
    TestStates(TaskHandler tasks, Executor executor) {
        this.tasks = tasks;
        this.executor = executor;
    }

    void register(Map<String, Operation> operations) {
        operations.put("TestState", this::test);
    }

    private CompletableFuture<JsonNode> test(Request request) {
        String definition = request.string("definition");
        String inputText = request.optionalString("input");
        request.enumeration("inspectionLevel", List.of("INFO", "DEBUG", "TRACE"));
        JsonNode input;
        try {
            input = Json.parse(inputText == null ? "{}" : inputText);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AwsErrors.invalidExecutionInput(e.getOriginalMessage());
        }
        List<Transition> transitions = new ArrayList<>();
        String machineText = machine(definition, transitions);
        List<Diagnostic> diagnostics = StateMachine.validate(machineText, StepFunctionsService.EXPRESS);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw AwsErrors.invalidDefinition(diagnostics);
        }
        StateMachine machine = StateMachine.create(STATE, machineText);
        return CompletableFuture.supplyAsync(() -> answer(machine.execute(input,
                ExecutionOptions.defaults().tasks(tasks).clock(Clock.virtual())), transitions), executor);
    }

    /** Where a transition leads and whether it is a Catcher's. */
    private record Transition(String next, boolean caught) {
    }

    /** The machine around the state, its transitions replaced by the wrapping Pass states. */
    private static String machine(String stateText, List<Transition> transitions) {
        JsonNode parsed;
        try {
            parsed = Json.parse(stateText);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AwsErrors.invalidDefinition(List.of(Diagnostic.error("INVALID_JSON_DESCRIPTION", e.getOriginalMessage(), null)));
        }
        if (!parsed.isObject()) {
            throw AwsErrors.invalidDefinition(List.of(Diagnostic.error("SCHEMA_VALIDATION_FAILED",
                    "The state definition must be a JSON object", null)));
        }
        ObjectNode state = parsed.deepCopy();
        ObjectNode machine = Json.NODES.objectNode();
        machine.put("StartAt", STATE);
        ObjectNode states = machine.putObject("States");
        states.set(STATE, state);
        redirect(state, "Next", false, transitions, states);
        redirect(state, "Default", false, transitions, states);
        for (JsonNode rule : state.path("Choices")) {
            redirect((ObjectNode) rule, "Next", false, transitions, states);
        }
        for (JsonNode catcher : state.path("Catch")) {
            redirect((ObjectNode) catcher, "Next", true, transitions, states);
        }
        return Json.write(machine);
    }

    private static void redirect(ObjectNode holder, String field, boolean caught, List<Transition> transitions,
                                 ObjectNode states) {
        JsonNode target = holder.get(field);
        if (target == null || !target.isTextual()) {
            return;
        }
        int index = transitions.size();
        transitions.add(new Transition(target.textValue(), caught));
        String wrapper = "QuickstepTransition" + index;
        holder.put(field, wrapper);
        ObjectNode pass = states.putObject(wrapper);
        pass.put("Type", "Pass");
        pass.putObject("Parameters").put(NEXT, index).put(OUTPUT + ".$", "$");
        pass.put("End", true);
    }

    private static JsonNode answer(ExecutionResult result, List<Transition> transitions) {
        ObjectNode answer = Json.NODES.objectNode();
        if (!result.succeeded()) {
            answer.put("status", "FAILED");
            ExecutionRecord.putIfPresent(answer, "error", result.error());
            ExecutionRecord.putIfPresent(answer, "cause", result.cause());
            return answer;
        }
        JsonNode output = result.output();
        JsonNode next = output.path(NEXT);
        if (output.isObject() && next.isInt() && output.has(OUTPUT)) {
            Transition transition = transitions.get(next.intValue());
            output = output.get(OUTPUT);
            answer.put("status", transition.caught() ? "CAUGHT_ERROR" : "SUCCEEDED");
            answer.put("nextState", transition.next());
            if (transition.caught()) {
                ExecutionRecord.putIfPresent(answer, "error", output.path("Error").textValue());
                ExecutionRecord.putIfPresent(answer, "cause", output.path("Cause").textValue());
            }
        } else {
            answer.put("status", "SUCCEEDED");
        }
        answer.put("output", Json.write(output));
        return answer;
    }
}
