package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionArn;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.log.ExecutionLogs;
import io.quickstep.log.LogSink;
import io.quickstep.log.RollingFileLogSink;
import io.quickstep.log.StdoutLogSink;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.task.Callbacks;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.runtime.Shards;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CompletableFuture;

/**
 * The runtime: executions run on shards, each a Disruptor ring consumed by one thread that owns
 * the executions started on it. Starts never block: when the chosen shard holds its most
 * executions ({@link Context#maxInFlightPerShard}) the start is refused at once
 * ({@link StartResult.Status#THROTTLED}); an accepted execution always ends with a result. Task handlers
 * may answer synchronously (on the shard's thread, so they should be quick), with a
 * {@link java.util.concurrent.CompletionStage} ({@link io.quickstep.task.AsyncTaskHandler}), or
 * block on a pool of their own ({@link io.quickstep.task.BlockingTaskHandler}).
 *
 * <pre>{@code
 * try (Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(handlers))) {
 *     ExecutionResult result = engine.startSync(machine, input).join();
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private final Context context;
    private final Shards shards;
    private final ExecutionLogs logs;
    private final Callbacks callbacks = new Callbacks();

    private Engine(Context context) {
        this.context = context;
        this.logs = ExecutionLogs.start(context.logSinks, context.logRingCapacity, context.logTextThreads);
        this.shards = new Shards(new Shards.Settings(context.shards, context.maxInFlightPerShard,
                context.idleStrategy, context.pinThreads, context.clock, context.account, context.blockingCalls,
                context.stallLimit, context.shardHosts, callbacks), logs);
    }

    /**
     * Starts an engine: its shard threads run until {@link #close()}. The engine takes a copy of
     * the context: changing it afterwards changes nothing.
     */
    public static Engine launch(Context context) {
        return new Engine(context.copy().validated());
    }

    /**
     * Starts an execution with the engine's task handlers and a random name, on input given as JSON
     * text (as AWS's StartExecution takes it).
     *
     * @throws InvalidExecutionInputException when the text is not one JSON value
     */
    public StartResult start(StateMachine machine, String inputJson) {
        return start(machine, StateMachine.parseInput(inputJson.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Starts an execution with the engine's task handlers and a random name.
     *
     * @see #start(StateMachine, JsonNode, String, TaskHandler)
     */
    public StartResult start(StateMachine machine, JsonNode input) {
        return start(machine, input, null, context.tasks);
    }

    /**
     * Starts an execution; returns at once with its ARN, or with a refusal.
     *
     * @param name  the execution name, or null for a random one
     * @param tasks the task handlers for this execution
     */
    public StartResult start(StateMachine machine, JsonNode input, String name, TaskHandler tasks) {
        CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();
        String executionName = name != null ? name : ExecutionIds.random();
        String arn = ExecutionArn.random(context.account, machine.name(), executionName).toString();
        StartResult.Status status = StartResult.Status.of(shards.start(machine.compiled(),
                Objects.requireNonNull(input, "input"), executionName, arn, tasks, completion::complete));
        return status == StartResult.Status.ACCEPTED ? StartResult.accepted(arn, completion) : StartResult.refused(status);
    }

    /**
     * Starts an execution whose end is told to {@code listener} (on the shard's thread), without
     * the future and result holder that {@link #start(StateMachine, JsonNode, String, TaskHandler)}
     * makes: for callers that start many executions, such as a network ingress.
     *
     * @return whether the engine took the execution; the listener hears only of accepted ones
     */
    public StartResult.Status start(StateMachine machine, JsonNode input, String name, TaskHandler tasks,
                                    ExecutionListener listener) {
        return start(machine, input, name, null, tasks, listener);
    }

    /**
     * The listener form for a caller that names the execution and makes its ARN itself, to answer
     * with it (a network ingress; {@code ExecutionArn} makes Express ARNs): the ARN is the one
     * {@code $$.Execution.Id} reads and {@link #stop} takes.
     *
     * @param name         the execution name, or null for a random one (then {@code executionArn} is null too)
     * @param executionArn the execution's ARN, or null for the engine to make one when it is read
     */
    public StartResult.Status start(StateMachine machine, JsonNode input, String name, String executionArn,
                                    TaskHandler tasks, ExecutionListener listener) {
        return StartResult.Status.of(shards.start(machine.compiled(), Objects.requireNonNull(input, "input"), name,
                executionArn, tasks, listener));
    }

    /**
     * The listener form for a caller that also knows the input's size: the length in UTF-8 bytes of
     * the JSON text it was parsed from, as sent (the size AWS holds against the 256 KiB input limit),
     * so that the shard need not walk the input to measure it. An input whose size is over the limit
     * is measured and fails as with the other forms.
     *
     * @param inputBytes the input text's length in UTF-8 bytes; must be 0 or more
     * @see #start(StateMachine, JsonNode, String, String, TaskHandler, ExecutionListener)
     */
    public StartResult.Status start(StateMachine machine, JsonNode input, long inputBytes, String name,
                                    String executionArn, TaskHandler tasks, ExecutionListener listener) {
        if (inputBytes < 0) {
            throw new IllegalArgumentException("inputBytes must be 0 or more, was " + inputBytes);
        }
        return StartResult.Status.of(shards.start(machine.compiled(), Objects.requireNonNull(input, "input"),
                inputBytes, name, executionArn, tasks, listener));
    }

    /**
     * Starts an execution and returns a future of its result, as StartSyncExecution does: the same
     * as {@code start(machine, input).completion()}. A refused start's future is failed with a
     * {@link java.util.concurrent.RejectedExecutionException} that says why.
     */
    public CompletableFuture<ExecutionResult> startSync(StateMachine machine, JsonNode input) {
        return start(machine, input).completion();
    }

    /**
     * {@link #startSync(StateMachine, JsonNode)} on input given as JSON text.
     *
     * @throws InvalidExecutionInputException when the text is not one JSON value
     */
    public CompletableFuture<ExecutionResult> startSync(StateMachine machine, String inputJson) {
        return start(machine, inputJson).completion();
    }

    /** Aborts a running execution (status ABORTED with this error and cause); unknown ARNs are ignored. */
    public void stop(String executionArn, String error, String cause) {
        shards.stop(executionArn, error, cause);
    }

    /** The metrics of a state machine this engine has run (all zero before its first start). */
    public StateMachineMetrics metrics(StateMachine machine) {
        return shards.metrics(machine.compiled());
    }

    /**
     * Where its executions' activity tasks are taken by workers and its activity and
     * {@code .waitForTaskToken} tasks are answered: AWS's GetActivityTask, SendTaskSuccess,
     * SendTaskFailure and SendTaskHeartbeat (see {@link Callbacks}).
     */
    public Callbacks callbacks() {
        return callbacks;
    }

    /** The engine's own metrics: totals over its state machines, errors by kind, shard stalls. */
    public EngineMetrics metrics() {
        return shards.engineMetrics();
    }

    /**
     * Stops taking executions, lets those in flight finish until the context's shutdown timeout,
     * aborts the rest (status ABORTED), and stops the shard threads; then ships every execution
     * log record and closes the log sinks (flushing them). Bounded in time: a shard stuck in a
     * synchronous handler is interrupted, and one that still does not end is left behind with a
     * warning that names the handler; a log sink that blocks past the shutdown timeout is left
     * behind with a warning too.
     */
    @Override
    public void close() {
        shards.shutdown(context.shutdownTimeout);
        logs.close(context.shutdownTimeout);
    }

    /**
     * How an engine runs, with fluent setters and defaults; {@link Engine#launch} checks the settings
     * and throws an {@link IllegalArgumentException} naming the first bad one.
     */
    public static final class Context {
        public static final String SHARDS_PROP = "quickstep.shards";
        public static final String MAX_IN_FLIGHT_PROP = "quickstep.max.in.flight.per.shard";
        public static final int MAX_IN_FLIGHT_DEFAULT = 16_384;
        public static final String IDLE_STRATEGY_PROP = "quickstep.idle.strategy";
        /** Spin briefly, then yield, then park up to a millisecond: kind to a shared machine. */
        public static final String IDLE_STRATEGY_DEFAULT = "backoff";
        public static final String PIN_THREADS_PROP = "quickstep.pin.threads";

        private int shards = Integer.getInteger(SHARDS_PROP, Runtime.getRuntime().availableProcessors());
        private int maxInFlightPerShard = Integer.getInteger(MAX_IN_FLIGHT_PROP, MAX_IN_FLIGHT_DEFAULT);
        private String idleStrategy = System.getProperty(IDLE_STRATEGY_PROP, IDLE_STRATEGY_DEFAULT);
        private boolean pinThreads = Boolean.parseBoolean(System.getProperty(PIN_THREADS_PROP, "false"));
        private TaskHandler tasks = new TaskHandlers();
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.SYSTEM;
        private Account account = Account.DEFAULT;
        private int blockingCalls = 256;
        private Duration stallLimit = Duration.ofSeconds(1);
        private List<ScheduledExecutorService> shardHosts = List.of();
        private List<LogSink> logSinks = new ArrayList<>();
        private int logRingCapacity = ExecutionLogs.RING_CAPACITY_DEFAULT;
        private int logTextThreads;

        /** Shard threads; default: one per available processor. */
        public Context shards(int shards) {
            this.shards = shards;
            return this;
        }

        /**
         * The most executions each shard holds at once, started and not yet ended (a power of two:
         * it is also the size of the shard's ring of starts); a start beyond it is refused with
         * {@link StartResult.Status#THROTTLED}. Default {@value #MAX_IN_FLIGHT_DEFAULT}.
         */
        public Context maxInFlightPerShard(int maxInFlightPerShard) {
            this.maxInFlightPerShard = maxInFlightPerShard;
            return this;
        }

        /**
         * The most {@link io.quickstep.task.BlockingTaskHandler} calls running at once (64 times as
         * many may wait; beyond that a call fails its task with States.TaskFailed). Default 256.
         */
        public Context blockingCalls(int blockingCalls) {
            this.blockingCalls = blockingCalls;
            return this;
        }

        /**
         * How long a shard may go without completing a duty cycle before the watchdog reports it
         * (a metric and one warning naming the state and handler it is stuck in). Default 1 s.
         */
        public Context stallLimit(Duration stallLimit) {
            this.stallLimit = stallLimit;
            return this;
        }

        /**
         * What a shard thread does when it has nothing to do: {@code backoff} (default),
         * {@code busy-spin} (lowest latency, burns its core), {@code yielding} or {@code sleeping}.
         */
        public Context idleStrategy(String idleStrategy) {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /**
         * Runs the shards on these executors' threads instead of threads of their own: one shard
         * each (this replaces {@link #shards}), its duty cycles as tasks of that executor, which
         * must run its tasks on one thread, in order (a Netty event loop, a single-thread scheduled
         * executor). A start made on a host's thread goes to the shard it hosts, so an HTTP event
         * loop hosting a shard hands executions to it and gets their ends back without waking
         * another thread. Synchronous task handlers then run on the host's thread: one that blocks
         * holds up everything else that thread does. The engine never shuts the executors down;
         * they must outlive {@link Engine#close()}. Default: none (shards have their own threads).
         */
        public Context runShardsOn(List<? extends ScheduledExecutorService> hosts) {
            this.shardHosts = List.copyOf(hosts);
            return this;
        }

        /** Pin each shard thread to a CPU where the OS allows (default off; a warning when it cannot). */
        public Context pinThreads(boolean pinThreads) {
            this.pinThreads = pinThreads;
            return this;
        }

        /** The task handlers executions use unless a start names others. */
        public Context tasks(TaskHandler tasks) {
            this.tasks = tasks;
            return this;
        }

        /** How long {@link Engine#close()} lets executions in flight finish before aborting them. */
        public Context shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /** The region and account the engine's ARNs name; default {@link Account#DEFAULT}. */
        public Context account(Account account) {
            this.account = account;
            return this;
        }

        /** The clock executions read; it must be one that passes by itself, such as the default. */
        public Context clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Adds a sink for execution logs: when an execution of a state machine whose logging level
         * is not OFF ({@link StateMachine#logging}) ends, its records go to every sink, in the
         * order added, from a shipper thread of the engine's. Without a sink nothing is shipped.
         * The engine closes its sinks when it closes.
         */
        public Context logSink(LogSink sink) {
            logSinks.add(sink);
            return this;
        }

        /**
         * Adds a sink that writes execution logs as JSON lines into {@code directory}: one stream
         * per state machine and day, rolling over at 64 MiB ({@link RollingFileLogSink}).
         */
        public Context logDirectory(Path directory) {
            return logSink(new RollingFileLogSink(directory));
        }

        /** Adds a sink that writes execution logs as JSON lines to standard output ({@link StdoutLogSink}). */
        public Context logToStdout() {
            return logSink(new StdoutLogSink());
        }

        /**
         * The execution log records the log ring holds, waiting for the shipper (rounded up to a
         * power of two); when it is full, a record is dropped and counted
         * ({@code metrics().logs().dropped()}) rather than the shard waiting. Default
         * {@value ExecutionLogs#RING_CAPACITY_DEFAULT}.
         */
        public Context logRingCapacity(int records) {
            this.logRingCapacity = records;
            return this;
        }

        /**
         * Threads that make the log records' text (their JSON lines) for the shipper, which writes
         * them in order. Making the text is most of shipping: on a machine with cores to spare,
         * one or more of these let the shipper keep up with more executions than one core makes
         * text for. They make every record's text, so use them with sinks that write it (files,
         * stdout), not with sinks of one's own that read the events. Default 0: the shipper's own
         * thread makes it (right for a machine whose other cores run the shards).
         */
        public Context logTextThreads(int threads) {
            this.logTextThreads = threads;
            return this;
        }

        private Context copy() {
            Context copy = new Context();
            copy.shards = shards;
            copy.maxInFlightPerShard = maxInFlightPerShard;
            copy.idleStrategy = idleStrategy;
            copy.pinThreads = pinThreads;
            copy.tasks = tasks;
            copy.shutdownTimeout = shutdownTimeout;
            copy.clock = clock;
            copy.account = account;
            copy.blockingCalls = blockingCalls;
            copy.stallLimit = stallLimit;
            copy.shardHosts = shardHosts;
            copy.logSinks = new ArrayList<>(logSinks);
            copy.logRingCapacity = logRingCapacity;
            copy.logTextThreads = logTextThreads;
            return copy;
        }

        /** Checks the settings; throws {@link IllegalArgumentException} naming the first bad one. */
        private Context validated() {
            if (shardHosts.size() > 1024) {
                throw new IllegalArgumentException("at most 1024 shard hosts, were " + shardHosts.size());
            }
            if (shards < 1 || shards > 1024) {
                throw new IllegalArgumentException("shards must be 1..1024, was " + shards);
            }
            if (maxInFlightPerShard < 64 || Integer.bitCount(maxInFlightPerShard) != 1) {
                throw new IllegalArgumentException("maxInFlightPerShard must be a power of two >= 64, was "
                        + maxInFlightPerShard);
            }
            if (blockingCalls < 1) {
                throw new IllegalArgumentException("blockingCalls must be at least 1, was " + blockingCalls);
            }
            if (stallLimit == null || stallLimit.toMillis() < 1) {
                throw new IllegalArgumentException("stallLimit must be at least a millisecond, was " + stallLimit);
            }
            if (logRingCapacity < 2 || logRingCapacity > 1 << 30) {
                throw new IllegalArgumentException("logRingCapacity must be 2..2^30, was " + logRingCapacity);
            }
            if (logTextThreads < 0 || logTextThreads > 64) {
                throw new IllegalArgumentException("logTextThreads must be 0..64, was " + logTextThreads);
            }
            if (logSinks.contains(null)) {
                throw new IllegalArgumentException("a log sink is null");
            }
            Shards.idleStrategy(idleStrategy); // throws on an unknown name
            if (tasks == null || clock == null || account == null || shutdownTimeout == null
                    || shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("tasks, clock, account and a non-negative shutdownTimeout are required");
            }
            return this;
        }
    }
}
