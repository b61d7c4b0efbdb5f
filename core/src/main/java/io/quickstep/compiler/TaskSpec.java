package io.quickstep.compiler;

import io.quickstep.path.JsonPath;
import io.quickstep.task.TaskKind;

/**
 * A Task state's resource, how its call ends ({@link TaskKind}: when the handler answers, or when
 * its token is answered) and its time limits: each limit is a constant, a path, or absent (null).
 */
public record TaskSpec(String resource, TaskKind kind, Integer timeoutSeconds, JsonPath timeoutSecondsPath,
                       JsonataField timeoutExpression, Integer heartbeatSeconds, JsonPath heartbeatSecondsPath,
                       JsonataField heartbeatExpression) {
    /** Whether its call waits for an answer to its task token ({@code $$.Task.Token}). */
    public boolean answeredByToken() {
        return kind != TaskKind.CALL;
    }
}
