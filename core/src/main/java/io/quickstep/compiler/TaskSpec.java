package io.quickstep.compiler;

import io.quickstep.path.JsonPath;

/**
 * A Task state's resource and time limits: each limit is a constant, a path, or absent (null).
 */
public record TaskSpec(String resource, Integer timeoutSeconds, JsonPath timeoutSecondsPath,
                       JsonataField timeoutExpression, Integer heartbeatSeconds, JsonPath heartbeatSecondsPath,
                       JsonataField heartbeatExpression) {
}
