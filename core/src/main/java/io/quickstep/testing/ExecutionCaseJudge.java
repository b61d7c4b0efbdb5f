package io.quickstep.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Runs an execution case: creates the machine, executes the input with the case's mocks, compares. */
final class ExecutionCaseJudge {
    private ExecutionCaseJudge() {
    }

    static String judge(TestCase testCase, Clock clock) {
        StateMachine machine;
        try {
            machine = StateMachine.create(testCase.machineName(), testCase.definitionText());
        } catch (DefinitionException e) {
            return "definition refused: " + e.getMessage();
        }
        Mocks mocks = new Mocks(testCase.mocks());
        String misnamed = testCase.definition() == null ? null : mocks.misnamed(testCase.definition());
        if (misnamed != null) {
            return misnamed;
        }
        ExecutionResult result = execute(machine, testCase, mocks, clock);
        // A list running out is a case error whatever the result; unused answers explain nothing
        // better than a difference in the result, so they come last.
        if (mocks.overrun() != null) {
            return mocks.overrun();
        }
        String difference = diff(testCase.expected(), result, testCase.ignore());
        return difference != null ? difference : mocks.unused();
    }

    /** The case's execution on {@code machine}, its tasks answered by {@code mocks}. */
    static ExecutionResult execute(StateMachine machine, TestCase testCase, Mocks mocks, Clock clock) {
        return machine.execute(testCase.input(), ExecutionOptions.defaults()
                .tasks(mocks).clock(clock).executionName(testCase.executionName()));
    }

    /**
     * The events of an execution or logs case's execution run again, with its mocks, on a virtual
     * clock; empty for a case of another kind or one whose definition is refused.
     */
    static List<HistoryEvent> events(TestCase testCase) {
        if (testCase.kind() != TestCase.Kind.EXECUTION && testCase.kind() != TestCase.Kind.LOGS) {
            return List.of();
        }
        try {
            StateMachine machine = StateMachine.create(testCase.machineName(), testCase.definitionText())
                    .recordingEvents(true);
            return execute(machine, testCase, new Mocks(testCase.mocks()), Clock.virtual()).events();
        } catch (DefinitionException e) {
            return List.of();
        }
    }

    /**
     * Compares an execution's end with a case's {@code expected}: the status first, then each
     * other expected field ({@code output}, {@code error}, {@code cause}) by {@link ResultMatcher}.
     * An expected cause that is an object is compared with the actual cause parsed as JSON.
     */
    static String diff(JsonNode expected, ExecutionResult result, Set<String> ignore) {
        String status = result.status().name();
        if (!status.equals(expected.path("status").asText())) {
            return "status: expected " + expected.path("status").asText() + ", got " + status
                    + (result.succeeded() ? "" : " (" + result.error() + ": " + shortText(result.cause()) + ")");
        }
        ObjectNode actual = Json.NODES.objectNode().put("status", status);
        for (Iterator<String> fields = expected.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            switch (field) {
                case "status" -> { }
                case "output" -> actual.set("output", result.output());
                case "error" -> actual.put("error", result.error());
                case "cause" -> {
                    if (expected.get("cause").isObject() && result.cause() != null) {
                        try {
                            actual.set("cause", Json.parse(result.cause()));
                        } catch (JsonProcessingException e) {
                            return "$.cause: not JSON: " + shortText(result.cause());
                        }
                    } else {
                        actual.put("cause", result.cause());
                    }
                }
                default -> actual.putNull(field);
            }
        }
        return ResultMatcher.diff(expected, actual, ignore);
    }

    private static String shortText(String text) {
        return text == null ? "null" : ResultMatcher.shortJson(Json.NODES.textNode(text), 80);
    }
}
