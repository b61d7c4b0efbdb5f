package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.task.TaskTimeoutException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded answer of a Task state's resource, in the corpus {@code mocks} format:
 * {@code {"return": V}}, {@code {"throw": {"error": E, "cause": C}}} or {@code {"timeout": true}}.
 */
public sealed interface MockAnswer {

    /** Answers one invocation: returns the task result or throws as the recorded call failed. */
    JsonNode answer();

    /** The call succeeded with {@code value} as the task result. */
    record Return(JsonNode value) implements MockAnswer {
        @Override
        public JsonNode answer() {
            return value;
        }
    }

    /** The call failed with {@code error} and {@code cause} (null when none was recorded). */
    record Throw(String error, String cause) implements MockAnswer {
        @Override
        public JsonNode answer() {
            throw new ExecutionFailure(error, cause);
        }
    }

    /** The call ran past the state's timeout. */
    record Timeout() implements MockAnswer {
        @Override
        public JsonNode answer() {
            throw new TaskTimeoutException();
        }
    }

    /** Parses a whole {@code mocks} object: Task state name to the answers of its invocations, in order. */
    static Map<String, List<MockAnswer>> parseAll(JsonNode mocks) throws CaseFormatException {
        if (mocks == null || !mocks.isObject()) {
            throw new CaseFormatException("mocks: expected an object keyed by Task state name");
        }
        Map<String, List<MockAnswer>> byState = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> state : mocks.properties()) {
            JsonNode list = state.getValue();
            if (!list.isArray()) {
                throw new CaseFormatException("mocks." + state.getKey() + ": expected a list of answers");
            }
            List<MockAnswer> answers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                answers.add(parse(list.get(i), "mocks." + state.getKey() + "[" + i + "]"));
            }
            byState.put(state.getKey(), List.copyOf(answers));
        }
        return Collections.unmodifiableMap(byState);
    }

    private static MockAnswer parse(JsonNode entry, String where) throws CaseFormatException {
        if (entry.isObject() && entry.size() == 1) {
            if (entry.has("return")) {
                return new Return(entry.get("return"));
            }
            JsonNode thrown = entry.get("throw");
            if (thrown != null && thrown.isObject() && thrown.path("error").isTextual()) {
                JsonNode cause = thrown.path("cause");
                if (cause.isMissingNode() || cause.isNull() || cause.isTextual()) {
                    return new Throw(thrown.get("error").asText(), cause.isTextual() ? cause.asText() : null);
                }
            }
            if (entry.path("timeout").isBoolean() && entry.get("timeout").booleanValue()) {
                return new Timeout();
            }
        }
        throw new CaseFormatException(where + ": expected {\"return\": V}, {\"throw\": {\"error\": E, \"cause\": C}}"
                + " or {\"timeout\": true}");
    }
}
