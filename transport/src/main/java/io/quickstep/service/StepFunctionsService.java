package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The AWS Step Functions API on the embedded engine, with AWS's semantics: state machines with
 * versions, aliases and tags, activity records, executions (started through the engine's listener
 * form), and a bounded store of recent executions.
 *
 * <ul>
 *   <li>EXPRESS state machines behave as on AWS; beyond AWS, their recent executions can also be
 *       described, listed and their (start and end) history read.</li>
 *   <li>STANDARD state machines are accepted and run on the same engine: their executions have
 *       {@code :execution:} ARNs and unique names, and are described from the store, but they are
 *       not durable, and the engine's limits hold for them too (five minutes at most).</li>
 *   <li>With a data directory, state machines and activities are saved on every change and loaded
 *       at construction; executions are in memory only.</li>
 * </ul>
 *
 * <pre>{@code
 * Engine engine = Engine.launch(new Engine.Context().account(account));
 * StepFunctionsService service = new StepFunctionsService(engine,
 *         new StepFunctionsService.Settings().account(account).dataDirectory(dir));
 * service.createStateMachine("orders", definitionText, "EXPRESS");   // e.g. from --definitions
 * service.call("StartSyncExecution", request).whenComplete(...);       // per HTTP request
 * service.close(); engine.close();
 * }</pre>
 */
public final class StepFunctionsService implements StepFunctionsApi, AutoCloseable {
    public static final String STANDARD = "STANDARD";
    public static final String EXPRESS = "EXPRESS";

    /** The operations of the Step Functions API that this service does not support yet. */
    private static final Set<String> NOT_SUPPORTED = Set.of("RedriveExecution", "DescribeMapRun", "ListMapRuns", "UpdateMapRun");

    private final Map<String, Operation> operations = new HashMap<>();
    private final ExecutorService testStates;
    private final Registry registry;

    /**
     * A service on an engine the caller launched (and closes after this service). The engine's
     * context should name the same account as the settings, so that {@code $$} ARNs agree.
     *
     * @throws java.io.UncheckedIOException when the data directory cannot be read
     */
    public StepFunctionsService(Engine engine, Settings settings) {
        Objects.requireNonNull(engine, "engine");
        Arns arns = new Arns(settings.account);
        registry = new Registry(arns, settings.clock, settings.dataDirectory, settings.expressCallbacks);
        testStates = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "quickstep-test-state");
            thread.setDaemon(true);
            return thread;
        });
        Versions versions = new Versions(registry);
        new StateMachines(registry, versions).register(operations);
        versions.register(operations);
        new Aliases(registry).register(operations);
        new Tags(registry).register(operations);
        new Activities(registry, engine.callbacks(), settings.activityPollMillis).register(operations);
        new TaskTokens(engine.callbacks()).register(operations);
        Function<String, TaskHandler> tasks = settings.tasksFor(settings.tasks);
        new Executions(registry, engine, new ExecutionStore(settings.maxStoredExecutions), new RecordedHistory(), tasks)
                .register(operations);
        new TestStates(settings.tasks, testStates).register(operations);
    }

    @Override
    public CompletionStage<JsonNode> call(String operation, JsonNode request) {
        try {
            Operation handler = operations.get(operation);
            if (handler == null) {
                throw NOT_SUPPORTED.contains(operation) ? notSupported(operation) : unknown(operation);
            }
            return handler.call(new Request(request));
        } catch (RuntimeException e) { // an AwsException, or the server's fault
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Creates a state machine (or answers the existing one when it is exactly this), as
     * CreateStateMachine does: for loading definitions at start.
     *
     * @return the state machine's ARN
     * @throws AwsException as CreateStateMachine would answer (InvalidDefinition, InvalidName, ...)
     */
    public String createStateMachine(String name, String definition, String type) {
        return createStateMachine(name, definition, type, null);
    }

    /**
     * {@link #createStateMachine(String, String, String)} with AWS's {@code loggingConfiguration}
     * (null: OFF).
     *
     * @throws AwsException as CreateStateMachine would answer (InvalidLoggingConfiguration too)
     */
    public String createStateMachine(String name, String definition, String type, JsonNode loggingConfiguration) {
        ObjectNode request = Json.NODES.objectNode();
        request.put("name", name).put("definition", definition).put("type", type)
                .put("roleArn", registry.arns.account().roleArn());
        if (loggingConfiguration != null) {
            request.set("loggingConfiguration", loggingConfiguration);
        }
        try {
            return operations.get("CreateStateMachine").call(new Request(request)).toCompletableFuture().join()
                    .get("stateMachineArn").textValue();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stops the threads that run TestState; the engine is the caller's to close. */
    @Override
    public void close() {
        testStates.shutdownNow();
    }

    /** An operation that answers at once. */
    static Operation sync(Function<Request, JsonNode> operation) {
        return request -> CompletableFuture.completedFuture(operation.apply(request));
    }

    /** A Step Functions operation this service does not support yet (as LocalStack answers one). */
    static AwsException notSupported(String operation) {
        return new AwsException("InternalFailure", "The API action " + operation
                + " for service stepfunctions is not supported by Quickstep yet", 501);
    }

    private static AwsException unknown(String operation) {
        return new AwsException("UnknownOperationException", "Unknown operation: " + operation
                + " is not an operation of AWS Step Functions");
    }

    /** How a service is set up, with fluent setters and defaults. */
    public static final class Settings {
        private Account account = Account.DEFAULT;
        private TaskHandler tasks = new TaskHandlers();
        private Function<String, TaskHandler> tasksByStateMachine = name -> null;
        private Path dataDirectory;
        private int maxStoredExecutions = 10_000;
        private Clock clock = Clock.SYSTEM;
        private boolean expressCallbacks = true;
        private long activityPollMillis = 60_000;

        /**
         * Whether EXPRESS state machines may use activities and {@code .waitForTaskToken}
         * integrations: default true, as Quickstep runs them within the Express limits (so that such
         * workflows can be tried quickly). AWS refuses both; false answers as AWS does
         * (InvalidDefinition), as the conformance corpus expects.
         */
        public Settings expressCallbacks(boolean expressCallbacks) {
            this.expressCallbacks = expressCallbacks;
            return this;
        }

        /** How long GetActivityTask waits for a task before it answers none; default AWS's 60 seconds. */
        public Settings activityPoll(java.time.Duration poll) {
            if (poll.isNegative()) {
                throw new IllegalArgumentException("the activity poll must not be negative, was " + poll);
            }
            this.activityPollMillis = poll.toMillis();
            return this;
        }

        /** The region and account of the ARNs; default {@link Account#DEFAULT}. */
        public Settings account(Account account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /** The task handlers of Task states; default: none (tasks fail as for a missing function). */
        public Settings tasks(TaskHandler tasks) {
            this.tasks = Objects.requireNonNull(tasks, "tasks");
            return this;
        }

        /**
         * Task handlers for the state machine of a name (e.g. a mocks file beside its definition);
         * where it answers null, the {@link #tasks} handlers serve.
         */
        public Settings tasksByStateMachine(Function<String, TaskHandler> tasksByStateMachine) {
            this.tasksByStateMachine = Objects.requireNonNull(tasksByStateMachine, "tasksByStateMachine");
            return this;
        }

        /** Where state machines and activities are kept between runs; default none (in memory). */
        public Settings dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** How many finished executions are kept for Describe/ListExecutions; default 10,000. */
        public Settings maxStoredExecutions(int maxStoredExecutions) {
            if (maxStoredExecutions < 0) {
                throw new IllegalArgumentException("maxStoredExecutions must be 0 or more, was " + maxStoredExecutions);
            }
            this.maxStoredExecutions = maxStoredExecutions;
            return this;
        }

        /** The clock of creation, update and start dates; default the system clock. */
        public Settings clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private Function<String, TaskHandler> tasksFor(TaskHandler fallback) {
            Function<String, TaskHandler> byName = tasksByStateMachine;
            return name -> {
                TaskHandler handler = byName.apply(name);
                return handler != null ? handler : fallback;
            };
        }
    }
}
