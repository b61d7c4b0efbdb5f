package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionListener;
import io.quickstep.log.ExecutionLogs;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.Callbacks;
import io.quickstep.task.TaskHandler;
import io.quickstep.vm.BlockingCalls;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's shards and their threads: routes each start to a shard (by execution name when it
 * has one, else any), counts what happens per state machine, watches the shards for stalls, and
 * shuts down in order, in bounded time.
 */
public final class Shards {
    /** What {@link #start} answers: the start was taken, refused for want of room, or came after shutdown. */
    public static final int ACCEPTED = 0;
    public static final int THROTTLED = 1;
    public static final int SHUT_DOWN = 2;
    private static final Logger LOG = Logger.getLogger(Shards.class.getName());
    /** How long shutdown waits at each step after the grace period: abort, interrupt, terminate. */
    private static final long STEP_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Shard[] shards;
    /** Null for hosted shards. */
    private final AgentRunner[] runners;
    private final boolean hosted;
    private final ConcurrentHashMap<CompiledMachine, StateMachineMetrics> metrics = new ConcurrentHashMap<>();
    private final EngineErrors errors = new EngineErrors();
    private final BlockingCalls blockingCalls;
    private final Watchdog watchdog;
    private final EngineMetrics engineMetrics;
    private volatile boolean accepting = true;

    /** What the shards are made of; see {@link io.quickstep.api.Engine.Context} for each. */
    public record Settings(int count, int maxInFlightPerShard, String idleStrategy, boolean pinThreads, Clock clock,
                           Account account, int blockingCalls, Duration stallLimit,
                           List<ScheduledExecutorService> hosts, Callbacks callbacks) {
        /** With callbacks of their own, which nobody outside reaches. */
        public Settings(int count, int maxInFlightPerShard, String idleStrategy, boolean pinThreads, Clock clock,
                        Account account, int blockingCalls, Duration stallLimit, List<ScheduledExecutorService> hosts) {
            this(count, maxInFlightPerShard, idleStrategy, pinThreads, clock, account, blockingCalls, stallLimit, hosts,
                    new Callbacks());
        }

        /** Whether the shards run on hosts' threads (one shard each) rather than threads of their own. */
        boolean hosted() {
            return !hosts.isEmpty();
        }
    }

    /** Shards that offer the records of executions whose machines log to {@code logs}. */
    public Shards(Settings settings, ExecutionLogs logs) {
        this(settings, Shards::idleStrategy, logs);
    }

    /** With the idle strategy made by {@code idleStrategies} from its name (tests park without a limit). */
    Shards(Settings settings, Function<String, IdleStrategy> idleStrategies) {
        this(settings, idleStrategies, ExecutionLogs.NONE);
    }

    private Shards(Settings settings, Function<String, IdleStrategy> idleStrategies, ExecutionLogs logs) {
        this.blockingCalls = new BlockingCalls(settings.blockingCalls(), 64 * settings.blockingCalls(),
                "quickstep-blocking");
        int count = settings.hosted() ? settings.hosts().size() : settings.count();
        this.hosted = settings.hosted();
        this.shards = new Shard[count];
        this.runners = new AgentRunner[count];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new Shard(i, settings.maxInFlightPerShard(), settings.clock(), settings.account(),
                    settings.pinThreads(), errors, blockingCalls, logs, hosted ? settings.hosts().get(i) : null,
                    settings.callbacks());
            Shard shard = shards[i];
            if (hosted) {
                shard.hosted.wake(); // its first cycle makes the host's thread known, for routing
                continue;
            }
            // The shard catches everything itself; this handler sees only what escapes the agent.
            runners[i] = new AgentRunner(new ShardIdleStrategy(shard, idleStrategies.apply(settings.idleStrategy())),
                    error -> errors.record(EngineErrors.Kind.SHARD_FAULT, shard.roleName(), error), null, shard);
            AgentRunner.startOnThread(runners[i]);
        }
        this.watchdog = new Watchdog(shards, this::machine, settings.stallLimit());
        this.engineMetrics = new EngineMetrics(metrics.values(), errors, watchdog::stalls, logs.metrics());
    }

    /** The Agrona idle strategy for a name of {@link io.quickstep.api.Engine.Context#idleStrategy}. */
    public static IdleStrategy idleStrategy(String name) {
        switch (name) {
            case "backoff":
                return new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
                        TimeUnit.MILLISECONDS.toNanos(1));
            case "busy-spin":
                return new BusySpinIdleStrategy();
            case "yielding":
                return new YieldingIdleStrategy();
            case "sleeping":
                return new SleepingMillisIdleStrategy(1);
            default:
                throw new IllegalArgumentException("unknown idle strategy '" + name
                        + "': use backoff, busy-spin, yielding or sleeping");
        }
    }

    /**
     * Starts an execution whose end is told to {@code listener}.
     *
     * @param name the execution's name, or null for the shard to make one
     * @param arn  its ARN when the caller made it (to return it), else null
     * @return {@link #ACCEPTED}, {@link #THROTTLED} or {@link #SHUT_DOWN}
     */
    public int start(CompiledMachine machine, JsonNode input, String name, String arn, TaskHandler tasks,
                     ExecutionListener listener) {
        return start(machine, input, -1, name, arn, tasks, listener);
    }

    /**
     * {@link #start(CompiledMachine, JsonNode, String, String, TaskHandler, ExecutionListener)} with
     * the input's size in UTF-8 bytes as the caller had it (JSON text as sent), so that the shard
     * need not measure it; -1 when not known.
     */
    public int start(CompiledMachine machine, JsonNode input, long inputBytes, String name, String arn,
                     TaskHandler tasks, ExecutionListener listener) {
        StateMachineMetrics counters = metrics(machine);
        // Counted before it is offered, so that a fast end can never be counted before its start,
        // and before `accepting` is read: shutdown writes `accepting`, then reads the counts, so
        // either this start sees the shutdown or the shutdown sees this start and waits for it.
        counters.recordStart();
        if (!accepting) {
            counters.recordRefused(false);
            return SHUT_DOWN;
        }
        if (!shardFor(name).tryStart(machine, input, inputBytes, name, arn, tasks, listener, counters)) {
            counters.recordRefused(true);
            return THROTTLED;
        }
        return ACCEPTED;
    }

    /**
     * Asks every shard to stop the execution with this ARN: only the one running it will. (A start
     * without a name goes to any shard, so the ARN does not say which; stops are rare.) Any ARN an
     * execution was started with counts, the caller's own (a Standard execution's
     * {@code :execution:} ARN) as much as an Express one. Never waits.
     */
    public void stop(String executionArn, String error, String cause) {
        if (executionArn != null) {
            for (Shard shard : shards) {
                shard.stop(executionArn, error, cause);
            }
        }
    }

    public StateMachineMetrics metrics(CompiledMachine machine) {
        return metrics.computeIfAbsent(machine, m -> new StateMachineMetrics(m.name(), StatePaths.of(m.program())));
    }

    /** The engine's own figures: totals over its state machines, errors, stalls. */
    public EngineMetrics engineMetrics() {
        return engineMetrics;
    }

    /** The state machine with this id that the engine has run, or null. */
    private CompiledMachine machine(int id) {
        for (CompiledMachine machine : metrics.keySet()) {
            if (machine.id() == id) {
                return machine;
            }
        }
        return null;
    }

    /**
     * The shard for a start: the one the calling thread hosts, if any (no hand-off to another
     * thread); else by name when it has one, else any (the shard will make the name).
     */
    private Shard shardFor(String executionName) {
        if (shards.length == 1) {
            return shards[0];
        }
        if (hosted) {
            Thread caller = Thread.currentThread();
            for (Shard shard : shards) {
                if (shard.thread() == caller) {
                    return shard;
                }
            }
        }
        int hash = executionName != null ? executionName.hashCode() : ThreadLocalRandom.current().nextInt();
        return shards[(hash & Integer.MAX_VALUE) % shards.length];
    }

    /**
     * Refuses new starts, waits up to {@code grace} for running executions to end, then aborts the
     * rest. Every further step is bounded: a shard still stuck in a synchronous handler is
     * interrupted, and a thread that will not end is left behind with a warning naming the call,
     * so that this never hangs.
     */
    public void shutdown(Duration grace) {
        accepting = false;
        awaitNoneRunning(System.nanoTime() + grace.toNanos());
        for (Shard shard : shards) {
            shard.abortAll();
        }
        if (!awaitNoneRunning(System.nanoTime() + STEP_NANOS)) {
            // Shards held by synchronous handlers: interrupt the calls, each one they make.
            long deadline = System.nanoTime() + STEP_NANOS;
            do {
                for (Shard shard : shards) {
                    if (shard.callInProgress() != 0) {
                        shard.thread().interrupt();
                    }
                }
            } while (!awaitNoneRunning(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)))
                    && System.nanoTime() < deadline);
        }
        watchdog.close();
        for (Shard shard : shards) {
            shard.terminate();
        }
        long deadline = System.nanoTime() + STEP_NANOS;
        for (int i = 0; i < shards.length; i++) {
            if (hosted) {
                if (!awaitEnded(shards[i].hosted, deadline)) {
                    LOG.log(Level.SEVERE, "Quickstep: " + shards[i].roleName() + " did not end at shutdown: its host"
                            + " did not run it" + watchdog.describeCall(shards[i]));
                }
                continue;
            }
            Thread thread = shards[i].thread();
            if (thread != null && !join(thread, deadline)) {
                LOG.log(Level.SEVERE, "Quickstep: " + shards[i].roleName() + " did not end at shutdown and is left"
                        + " behind" + watchdog.describeCall(shards[i]));
            } else {
                runners[i].close();
            }
        }
        blockingCalls.close();
    }

    /** Waits for a hosted shard's last cycle (its host runs it); whether it came by the deadline. */
    private static boolean awaitEnded(HostedRunner runner, long deadlineNanos) {
        while (!runner.ended() && System.nanoTime() < deadlineNanos) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return runner.ended();
    }

    private static boolean join(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Waits until no execution runs or the deadline passes; whether none runs. */
    private boolean awaitNoneRunning(long deadlineNanos) {
        while (running() > 0) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running() == 0;
            }
        }
        return true;
    }

    private long running() {
        return engineMetrics.running();
    }
}
