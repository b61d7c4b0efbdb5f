package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.error.UserCode;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves a Task state's {@code Resource} to a registered handler. Registering while executions
 * run is safe: each lookup sees the registrations before or after a {@link #register}, never a mix.
 *
 * <p>A handler registered under a Lambda function's name ({@code "charge"}) is that function, and
 * is called as AWS calls the function for each resource form:
 * <ul>
 *   <li>The function's ARN as Resource ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}, with
 *   or without a {@code :version} or {@code :alias}; a handler registered under
 *   {@code NAME:QUALIFIER} answers for that qualifier before one under {@code NAME}): the handler
 *   gets the state's effective input
 *   ({@link TaskRequest#input()}: after InputPath and Parameters, or Arguments), and what it returns
 *   is the task result as it is.
 *   <li>{@code arn:aws:states:::lambda:invoke} (any partition) with {@code FunctionName} naming the
 *   function (its name, {@code NAME:QUALIFIER}, {@code ACCOUNT:function:NAME} or the function's
 *   ARN, qualified or not): the handler gets what Lambda gives the function, the {@code Payload}
 *   parameter, not the whole parameters object. An absent or null Payload gives it {@code {}} (Lambda
 *   passes {@code {}} when invoked with no payload; AWS's recorded {@code test_invoke} sends
 *   {@code "Payload": null} to an identity function and gets {@code {}} back); a string Payload is
 *   sent as the request body and Lambda parses it, so the handler gets the JSON value the string
 *   holds ({@code "true"} gives {@code true}; text that is not JSON fails the task with
 *   {@code Lambda.InvalidRequestContentException}, as Lambda refuses it). The task result is what
 *   Step Functions gives the workflow:
 *   <pre>{@code {"ExecutedVersion": "$LATEST", "Payload": <what the handler returned>,
 *  "SdkHttpMetadata": {"AllHttpHeaders": {...}, "HttpHeaders": {...}, "HttpStatusCode": 200},
 *  "SdkResponseMetadata": {"RequestId": "<uuid>"}, "StatusCode": 200}}</pre>
 *   with the HTTP headers Lambda answers with (Content-Type, Content-Length, Date, Connection,
 *   X-Amz-Executed-Version, x-amzn-RequestId, X-Amzn-Trace-Id, x-amzn-Remapped-Content-Length;
 *   well-formed, made up where there is no real value). {@code ExecutedVersion} is the
 *   {@code Qualifier} parameter, else the FunctionName's {@code :qualifier} suffix, else
 *   {@code $LATEST} (for an alias AWS reports the version it points to; there are no published
 *   versions here, so the alias itself is reported). A workflow reads the handler's result at
 *   {@code $.Payload}, as on AWS. A handler registered under the resource string
 *   {@code arn:aws:states:::lambda:invoke} itself answers for functions that have no handler of
 *   their own, as the whole integration: it gets the effective parameters and its result is the
 *   task result as it is (as the test tooling's mocks answer).
 * </ul>
 * A {@code .waitForTaskToken} resource ({@code arn:aws:states:::SERVICE:API.waitForTaskToken}) is
 * answered by the handler registered under that whole string, if any, as the whole task (its result
 * is the task result, as a mock's is); else by the integration's handler (for
 * {@code lambda:invoke.waitForTaskToken}, the function's as for {@code lambda:invoke}; for any other,
 * the one registered under the resource without the suffix), wrapped in a
 * {@link CallbackIntegration}: the engine calls it, then waits for the token's answer
 * ({@link Callbacks}). An activity's ARN with no handler registered under it resolves to
 * {@link Callbacks#WORKERS}: the activity's workers take the task.
 * The adaptation keeps the handler's kind: {@link AsyncTaskHandler}s and {@link BlockingTaskHandler}s
 * are called asynchronously or off the shard as when registered, and the adapter for a function is
 * made once, on its first resolution. Any other resource (another service's integration) is looked
 * up as written, and its handler gets the effective input.
 *
 * <p>Whatever the resource, a handler's exception fails the task as {@link #failure} says: for a
 * Lambda function (either form) with the cause Lambda reports a function's error with.
 */
public final class TaskHandlers implements TaskHandler {
    /** Replaced whole on every registration, with an empty cache of its own. */
    private volatile Registry registry = new Registry(Map.of(), null);

    /** Registers a handler under a resource string or a Lambda function name. */
    public TaskHandlers register(String resourceOrFunctionName, TaskHandler handler) {
        synchronized (this) {
            Map<String, TaskHandler> handlers = new HashMap<>(registry.handlers);
            handlers.put(resourceOrFunctionName, handler);
            registry = new Registry(handlers, registry.remote);
        }
        return this;
    }

    /**
     * Answers the Lambda functions that no handler is registered for here: {@code remote} gives the
     * handler for a function's {@code NAME} or {@code NAME:QUALIFIER} (a Lambda endpoint over HTTP,
     * say), asked once per function and resource form; it is then called as a registered function's
     * handler would be (for {@code lambda:invoke}, with the Payload, its answer wrapped in AWS's
     * result shape). Registered handlers come first.
     */
    public TaskHandlers remoteFunctions(Function<String, TaskHandler> remote) {
        synchronized (this) {
            registry = new Registry(registry.handlers, remote);
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

    /**
     * The registered handler for the request's resource (for {@code lambda:invoke}, the function's
     * handler adapted as the class comment says); fails the task when there is none, as AWS fails
     * it when the resource does not exist (see {@link #missing}).
     */
    @Override
    public TaskHandler resolve(TaskRequest request) {
        TaskHandler handler = registry.find(request);
        if (handler == null) {
            throw missing(request);
        }
        return handler;
    }

    /**
     * The task failure for a resource nothing answers. A Lambda function fails as AWS's Lambda
     * answers for a function that does not exist: {@code Lambda.ResourceNotFoundException}, "Function
     * not found: ..." (Retry and Catch see what they would see on AWS). Any other resource fails with
     * {@code States.TaskFailed}, naming the resource.
     */
    static ExecutionFailure missing(TaskRequest request) {
        String resource = request.resource();
        String function = Registry.functionName(request);
        if (function == null && LambdaInvoke.isFunctionArn(resource)) {
            function = resource;
        }
        if (function == null) {
            String which = TaskKind.of(resource) == TaskKind.CALLBACK
                    ? "' nor for the integration it calls, '" + TaskKind.integrationOf(resource) + "'" : "'";
            return new ExecutionFailure(StatesErrors.TASK_FAILED, "No task handler is registered for resource '"
                    + resource + which + ": register one (TaskHandlers.register), or answer it from a mocks file");
        }
        String version = function.contains(":function:") && function.indexOf(':',
                function.indexOf(":function:") + ":function:".length()) < 0 ? function + ":$LATEST" : function;
        return new ExecutionFailure("Lambda.ResourceNotFoundException", "Function not found: " + version
                + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
                + LambdaInvoke.requestId() + "; Proxy: null)");
    }

    /** A handler's name for messages: its class, or for a lambda the class it was written in. */
    public static String describe(TaskHandler handler) {
        return handler instanceof BlockingTaskHandler.Blocking || handler instanceof LambdaInvoke
                ? handler.toString() : UserCode.describe(handler);
    }

    /**
     * The failure a task gets when its handler throws {@code thrown}. An {@link ExecutionFailure}
     * keeps its error and cause. Anything else (any {@link Throwable}) gives the exception's simple
     * class name as the error (for an anonymous class, which has none, the name the JVM gives it),
     * as Lambda reports a function's exception type; the cause is:
     * <ul>
     *   <li>for a Lambda function (a function ARN as Resource, or {@code lambda:invoke}), the JSON
     *   the Lambda runtime writes for the error and Step Functions passes on as the cause:
     *   {@code {"errorMessage": <message, or "">, "errorType": <the error>, "requestId": <uuid>,
     *   "stackTrace": [<the handler's frames>]}} (compact for {@code lambda:invoke}, with spaces
     *   for a function ARN, as AWS records them; recorded cases {@code test_task_lambda.*} and
     *   {@code test_task_service_lambda.*} of the conformance corpus);
     *   <li>for any other resource, the exception's message.
     * </ul>
     * A {@link TaskTimeoutException} is no failure of this kind: the engine waits for the state's
     * time limit instead.
     */
    /**
     * Whether {@code resource} is a Lambda function's ARN ({@code arn:aws:lambda:...:function:NAME}),
     * called as the function, rather than a service integration.
     */
    public static boolean isFunctionArn(String resource) {
        return LambdaInvoke.isFunctionArn(resource);
    }

    public static ExecutionFailure failure(TaskRequest request, Throwable thrown) {
        if (thrown instanceof ExecutionFailure) {
            return (ExecutionFailure) thrown;
        }
        String error = errorName(thrown);
        String resource = request.resource();
        if (LambdaInvoke.isInvoke(resource) || LambdaInvoke.isCallback(resource)) {
            return new ExecutionFailure(error, LambdaInvoke.cause(error, thrown, true));
        }
        if (LambdaInvoke.isFunctionArn(resource)) {
            return new ExecutionFailure(error, LambdaInvoke.cause(error, thrown, false));
        }
        return new ExecutionFailure(error, thrown.getMessage());
    }

    /**
     * The failure of a Lambda function that answered with an error instead of a result: the
     * payload Lambda's runtime writes for it ({@code errorMessage}, {@code errorType}, ...), as a
     * Lambda endpoint sends it with {@code X-Amz-Function-Error}. The error is its
     * {@code errorType}; the cause, the payload as {@link #failure} writes a handler's (compact for
     * {@code lambda:invoke}, spaced for a function ARN).
     */
    public static ExecutionFailure functionError(TaskRequest request, JsonNode payload) {
        JsonNode type = payload.get("errorType");
        String error = type != null && type.isTextual() ? type.textValue() : "Lambda.Unknown";
        return new ExecutionFailure(error, LambdaInvoke.cause(payload, !LambdaInvoke.isFunctionArn(request.resource())));
    }

    /**
     * The error a handler's throwable gives its task: the class's simple name, as Lambda reports a
     * function's exception; for an anonymous class, which has none, the name the JVM gives it.
     */
    static String errorName(Throwable error) {
        String simple = error.getClass().getSimpleName();
        return simple.isEmpty() ? error.getClass().getName() : simple;
    }

    /** The handlers of one moment and the resources already resolved against them. */
    private static final class Registry {
        final Map<String, TaskHandler> handlers;
        /** Resources already resolved to a handler, so an ARN is taken apart once, not per call. */
        final Map<String, TaskHandler> resolved = new ConcurrentHashMap<>();
        /** lambda:invoke's FunctionNames already resolved, to the function's handler adapted. */
        final Map<String, TaskHandler> invoked = new ConcurrentHashMap<>();
        /** The same for lambda:invoke.waitForTaskToken, wrapped as the integration it calls. */
        final Map<String, TaskHandler> callbacks = new ConcurrentHashMap<>();
        /** The functions registered nowhere here, by NAME[:QUALIFIER]; null when there are none. */
        final Function<String, TaskHandler> remote;

        Registry(Map<String, TaskHandler> handlers, Function<String, TaskHandler> remote) {
            this.handlers = handlers;
            this.remote = remote;
        }

        TaskHandler find(TaskRequest request) {
            String resource = request.resource();
            TaskHandler handler = resolved.get(resource); // never a lambda:invoke resource: one lookup, as before
            if (handler != null) {
                return handler;
            }
            if (LambdaInvoke.isInvoke(resource)) {
                String name = functionName(request);
                handler = name == null ? null : invoked(name);
                return handler != null ? handler : handlers.get(resource);
            }
            if (LambdaInvoke.isCallback(resource)) {
                TaskHandler whole = handlers.get(resource);
                if (whole != null) {
                    return whole;
                }
                String name = functionName(request);
                TaskHandler function = name == null ? null : invoked(name);
                if (function != null) {
                    return callbacks.computeIfAbsent(name, n -> new CallbackIntegration(function));
                }
                return callbackIntegration(resource); // not cached: the next FunctionName may have its own
            }
            return cached(resource);
        }

        /** The FunctionName parameter of a lambda:invoke request, or null. */
        static String functionName(TaskRequest request) {
            String resource = request.resource();
            if (request.input() == null || !(LambdaInvoke.isInvoke(resource) || LambdaInvoke.isCallback(resource))) {
                return null;
            }
            JsonNode name = request.input().get("FunctionName");
            return name != null && name.isTextual() ? name.textValue() : null;
        }

        private TaskHandler invoked(String functionName) {
            TaskHandler adapter = invoked.get(functionName);
            if (adapter == null) {
                TaskHandler function = byFunction(functionName, true);
                if (function != null) {
                    adapter = LambdaInvoke.of(function, functionName);
                    invoked.put(functionName, adapter);
                }
            }
            return adapter;
        }

        /**
         * Resolves a resource not resolved before, and keeps the answer: the handler registered
         * under it (or the function it names); else, for a {@code .waitForTaskToken} resource, its
         * integration's handler, wrapped; for an activity, its workers.
         */
        private TaskHandler cached(String resource) {
            TaskHandler handler = byFunction(resource, false);
            if (handler == null) {
                switch (TaskKind.of(resource)) {
                    case ACTIVITY -> handler = Callbacks.WORKERS;
                    case CALLBACK -> handler = callbackIntegration(resource);
                    default -> {
                    }
                }
            }
            if (handler != null) {
                resolved.put(resource, handler);
            }
            return handler;
        }

        /** The handler of the integration a {@code .waitForTaskToken} resource calls, wrapped; null when none. */
        private TaskHandler callbackIntegration(String resource) {
            TaskHandler integration = byFunction(TaskKind.integrationOf(resource), false);
            return integration == null ? null : new CallbackIntegration(integration);
        }

        /**
         * The handler registered under {@code nameOrArn} as written, else under the function it
         * names: {@code NAME:QUALIFIER}, else {@code NAME}, of a function ARN (full or partial) or,
         * for a lambda:invoke FunctionName, of a qualified name.
         */
        private TaskHandler byFunction(String nameOrArn, boolean functionName) {
            TaskHandler handler = handlers.get(nameOrArn);
            if (handler != null || !functionName && !nameOrArn.contains(":function:")) {
                return handler;
            }
            String qualified = LambdaInvoke.qualifiedName(nameOrArn);
            int colon = qualified.indexOf(':');
            handler = handlers.get(qualified);
            if (handler == null && colon >= 0) {
                handler = handlers.get(qualified.substring(0, colon));
            }
            return handler == null && remote != null ? remote.apply(qualified) : handler;
        }
    }
}
