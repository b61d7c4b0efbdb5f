package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.path.JsonPath;
import io.quickstep.path.PathScope;

/** A JSONPath argument ({@code $.x}, {@code $$.Execution.Id}, {@code $var}); it must find a value. */
final class PathArgument extends Argument {
    private final JsonPath path;

    PathArgument(JsonPath path) {
        this.path = path;
    }

    @Override
    JsonNode evaluate(PathScope scope) {
        JsonNode value = path.read(scope);
        if (value == null) {
            throw new IntrinsicError("The JsonPath argument for the field '" + path.text()
                    + "' could not be found in the input '" + Json.write(scope.input()) + "'");
        }
        return value;
    }

    @Override
    boolean readsContext() {
        return path.isContextPath();
    }
}
