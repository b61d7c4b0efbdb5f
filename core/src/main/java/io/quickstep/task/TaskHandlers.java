package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a Task state's {@code Resource} to a registered handler. A handler registered under a
 * Lambda function name also answers that function's ARNs ({@code arn:aws:lambda:...:function:NAME},
 * with or without a version or alias) and {@code arn:aws:states:::lambda:invoke} calls whose
 * {@code FunctionName} names it.
 */
public final class TaskHandlers implements TaskHandler {
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    /** Resources already resolved to a handler, so an ARN is taken apart once, not per call. */
    private final Map<String, TaskHandler> resolved = new ConcurrentHashMap<>();

    /** Registers a handler under a resource string or a Lambda function name. */
    public TaskHandlers register(String resourceOrFunctionName, TaskHandler handler) {
        handlers.put(resourceOrFunctionName, handler);
        resolved.clear();
        return this;
    }

    @Override
    public JsonNode invoke(TaskRequest request) throws Exception {
        return resolve(request).invoke(request);
    }

    /** The registered handler for the request's resource; fails the task when there is none. */
    @Override
    public TaskHandler resolve(TaskRequest request) {
        TaskHandler handler = find(request);
        if (handler == null) {
            throw new ExecutionFailure("States.Runtime",
                    "No task handler is registered for resource '" + request.resource() + "'");
        }
        return handler;
    }

    private TaskHandler find(TaskRequest request) {
        String resource = request.resource();
        if (resource.startsWith(LAMBDA_INVOKE)) {
            JsonNode name = request.input() == null ? null : request.input().get("FunctionName");
            return name != null && name.isTextual() ? cached(name.asText()) : handlers.get(resource);
        }
        return cached(resource);
    }

    private TaskHandler cached(String nameOrArn) {
        TaskHandler handler = resolved.get(nameOrArn);
        if (handler == null) {
            handler = handlers.get(nameOrArn);
            if (handler == null) {
                handler = byFunction(nameOrArn);
            }
            if (handler != null) {
                resolved.put(nameOrArn, handler);
            }
        }
        return handler;
    }

    /** A function name, or the name inside a Lambda function ARN (version or alias suffix ignored). */
    private TaskHandler byFunction(String nameOrArn) {
        int at = nameOrArn.indexOf(":function:");
        if (at < 0) {
            return handlers.get(nameOrArn);
        }
        String rest = nameOrArn.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return handlers.get(colon < 0 ? rest : rest.substring(0, colon));
    }
}
