package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.error.UserCode;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a Task state's {@code Resource} to a registered handler. A handler registered under a
 * Lambda function name also answers that function's ARNs ({@code arn:aws:lambda:...:function:NAME},
 * with or without a version or alias) and {@code arn:aws:states:::lambda:invoke} calls whose
 * {@code FunctionName} names it. Registering while executions run is safe: each lookup sees the
 * registrations before or after a {@link #register}, never a mix.
 */
public final class TaskHandlers implements TaskHandler {
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    /** Replaced whole on every registration, with an empty cache of its own. */
    private volatile Registry registry = new Registry(Map.of());

    /** Registers a handler under a resource string or a Lambda function name. */
    public TaskHandlers register(String resourceOrFunctionName, TaskHandler handler) {
        synchronized (this) {
            Map<String, TaskHandler> handlers = new HashMap<>(registry.handlers);
            handlers.put(resourceOrFunctionName, handler);
            registry = new Registry(handlers);
        }
        return this;
    }

    /**
     * Registers a handler that may block (a JDBC call, a blocking HTTP client): it runs off the
     * engine's shard threads, on a bounded pool, with the state's TimeoutSeconds enforced (see
     * {@link BlockingTaskHandler}).
     */
    public TaskHandlers registerBlocking(String resourceOrFunctionName, TaskHandler handler) {
        return register(resourceOrFunctionName, BlockingTaskHandler.of(handler));
    }

    @Override
    public JsonNode invoke(TaskRequest request) throws Exception {
        return resolve(request).invoke(request);
    }

    /** The registered handler for the request's resource; fails the task when there is none. */
    @Override
    public TaskHandler resolve(TaskRequest request) {
        TaskHandler handler = registry.find(request);
        if (handler == null) {
            throw new ExecutionFailure(StatesErrors.RUNTIME,
                    "No task handler is registered for resource '" + request.resource() + "'");
        }
        return handler;
    }

    /** A handler's name for messages: its class, or for a lambda the class it was written in. */
    public static String describe(TaskHandler handler) {
        return handler instanceof BlockingTaskHandler.Blocking ? handler.toString() : UserCode.describe(handler);
    }

    /** The handlers of one moment and the resources already resolved against them. */
    private static final class Registry {
        final Map<String, TaskHandler> handlers;
        /** Resources already resolved to a handler, so an ARN is taken apart once, not per call. */
        final Map<String, TaskHandler> resolved = new ConcurrentHashMap<>();

        Registry(Map<String, TaskHandler> handlers) {
            this.handlers = handlers;
        }

        TaskHandler find(TaskRequest request) {
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
}
