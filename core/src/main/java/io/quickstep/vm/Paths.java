package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;

/** InputPath, OutputPath and ResultPath, with AWS's errors when a path does not apply. */
final class Paths {
    private Paths() {
    }

    /** The value at {@code path} in {@code value} (InputPath, OutputPath, ItemsPath). */
    static JsonNode select(JsonPath path, JsonNode value, Frame frame) {
        frame.scopeInput = value;
        JsonNode selected = path.read(frame);
        if (selected == null) {
            throw new ExecutionFailure(StatesErrors.RUNTIME,
                    "Invalid path '" + path.text() + "' : " + path.explainMissing(value));
        }
        return selected;
    }

    /** ResultPath: {@code result} placed at {@code path} in a copy of {@code stateInput}. */
    static JsonNode merge(JsonPath path, JsonNode stateInput, JsonNode result) {
        JsonNode merged = path.write(stateInput, result);
        if (merged == null) {
            throw new ExecutionFailure(StatesErrors.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '"
                    + path.text() + "' to input '" + Json.write(stateInput) + "'");
        }
        return merged;
    }
}
