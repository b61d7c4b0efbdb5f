package io.quickstep.compiler;

import io.quickstep.path.JsonPath;

/** A Wait state's duration: exactly one of the six is set (the last two: JSONata). */
public record WaitSpec(Long seconds, String timestamp, JsonPath secondsPath, JsonPath timestampPath,
                       JsonataField secondsExpression, JsonataField timestampExpression) {
}
