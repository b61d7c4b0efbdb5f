package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.testing.TestCase;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code States.QueryEvaluationError} cause the corpus records, produced by this package the
 * way the VM is to produce it: the states before the failing one run (their {@code Assign} and
 * {@code Output}), then the failing state's field is evaluated and checked as {@link #fail} shows.
 * The VM writes the opening "An error occurred while executing the state ..." itself.
 */
class RecordedCausesTest {
    private static final Pattern VM_OPENING =
            Pattern.compile("An error occurred while executing the state '([^']+)' \\(entered at the event id #\\d+\\)\\. ");

    @TestFactory
    DynamicContainer everyRecordedQueryEvaluationErrorCause() throws Exception {
        List<DynamicTest> tests = Corpus.cases().stream()
                .filter(c -> c.kind() == TestCase.Kind.EXECUTION)
                .filter(c -> StatesErrors.QUERY_EVALUATION_ERROR.equals(c.expected().path("error").asText(null)))
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> assertCauseProduced(c)))
                .toList();
        assertFalse(tests.isEmpty());
        return DynamicContainer.dynamicContainer("all " + tests.size() + " recorded causes", tests);
    }

    private static void assertCauseProduced(TestCase recorded) {
        Matcher opening = VM_OPENING.matcher(recorded.expected().get("cause").asText());
        assertTrue(opening.lookingAt(), "cause opens as the VM writes it");
        String state = opening.group(1);
        String expected = recorded.expected().get("cause").asText().substring(opening.end());
        assertEquals(expected, fail(recorded.definition(), recorded.input(), state).causeText());
    }

    /** Runs the Pass states before {@code failing}, then fails it as the VM does. */
    private static ExecutionFailure fail(JsonNode definition, JsonNode input, String failing) {
        Map<String, JsonNode> variables = new HashMap<>();
        String name = definition.get("StartAt").asText();
        while (!name.equals(failing)) {
            JsonNode pass = definition.get("States").get(name);
            MapScope scope = scope(input, variables);
            if (pass.has("Assign")) {
                JsonataTemplate.compile(pass.get("Assign")).evaluate(scope, "Assign").properties()
                        .forEach(variable -> variables.put(variable.getKey(), variable.getValue()));
            }
            if (pass.has("Output")) {
                input = JsonataTemplate.compile(pass.get("Output")).evaluate(scope, "Output");
            }
            name = pass.get("Next").asText();
        }
        try {
            check(definition.get("States").get(failing), scope(input, variables));
        } catch (ExecutionFailure failure) {
            return failure;
        }
        throw new AssertionError("state " + failing + " did not fail");
    }

    /** What the VM checks, per field, in a JSONata state. */
    private static void check(JsonNode state, MapScope scope) {
        switch (state.get("Type").asText()) {
            case "Map" -> {
                if (!state.has("Items")) {
                    JsonNode input = scope.states().get("input");
                    if (!input.isArray()) {
                        throw JsonataErrors.mapInputNotArray(input);
                    }
                    return;
                }
                JsonataTemplate items = JsonataTemplate.compile(state.get("Items"));
                JsonNode value = items.evaluate(scope, "Items");
                if (!value.isArray()) {
                    throw JsonataErrors.unexpectedType(items.expression().text(), "Items", "array", value);
                }
            }
            case "Wait" -> {
                JsonataTemplate timestamp = JsonataTemplate.compile(state.get("Timestamp"));
                JsonNode value = timestamp.evaluate(scope, "Timestamp");
                if (!value.isTextual()) {
                    throw JsonataErrors.unexpectedType(timestamp.expression().text(), "Timestamp", "string", value);
                }
                try {
                    OffsetDateTime.parse(value.textValue());
                } catch (DateTimeParseException e) {
                    throw JsonataErrors.invalidTimestamp(value.textValue());
                }
            }
            case "Task" -> JsonataTemplate.compile(state.get("Arguments")).evaluate(scope, "Arguments");
            default -> throw new AssertionError("no check for a " + state.get("Type").asText() + " state");
        }
    }

    private static MapScope scope(JsonNode input, Map<String, JsonNode> variables) {
        ObjectNode states = Json.NODES.objectNode();
        states.set("input", input);
        return new MapScope(states, Map.copyOf(variables));
    }
}
