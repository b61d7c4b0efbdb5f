package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionListener;
import io.quickstep.api.ExecutionResult;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.task.TaskHandler;
import io.quickstep.vm.Clock;
import io.quickstep.vm.Execution;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's shards and their threads: routes each start to a shard (by execution name when it
 * has one, else any), counts what happens per state machine, and shuts down in order.
 */
public final class Shards {
    private static final Logger LOG = Logger.getLogger(Shards.class.getName());

    private final Shard[] shards;
    private final AgentRunner[] runners;
    private final ConcurrentHashMap<StateMachine, StateMachineMetrics> metrics = new ConcurrentHashMap<>();
    private volatile boolean accepting = true;

    public Shards(int count, int ringSize, String idleStrategy, boolean pinThreads, Clock clock) {
        this.shards = new Shard[count];
        this.runners = new AgentRunner[count];
        for (int i = 0; i < count; i++) {
            shards[i] = new Shard(i, ringSize, clock, pinThreads);
            // An agent never dies from an exception: it is logged and the duty cycle goes on.
            runners[i] = new AgentRunner(new ShardIdleStrategy(shards[i], idleStrategy(idleStrategy)),
                    error -> LOG.log(Level.SEVERE, "Quickstep shard error", error), null, shards[i]);
            AgentRunner.startOnThread(runners[i]);
        }
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

    public StartResult start(StateMachine machine, JsonNode input, String name, TaskHandler tasks) {
        CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();
        String executionName = name != null ? name : Execution.randomId();
        String arn = Execution.arn(machine.name(), executionName);
        int code = offer(machine, input, executionName, arn, tasks, completion::complete);
        return code == StartResult.ACCEPTED ? new StartResult(code, arn, completion)
                : new StartResult(code, null, null);
    }

    /** Starts an execution whose end is told to {@code listener}; returns a {@link StartResult} code. */
    public int start(StateMachine machine, JsonNode input, String name, TaskHandler tasks, ExecutionListener listener) {
        return offer(machine, input, name, null, tasks, listener);
    }

    private int offer(StateMachine machine, JsonNode input, String name, String arn, TaskHandler tasks,
                      ExecutionListener listener) {
        StateMachineMetrics counters = metrics(machine);
        // Counted before it is offered, so that a fast end can never be counted before its start,
        // and before `accepting` is read: shutdown writes `accepting`, then reads the counts, so
        // either this start sees the shutdown or the shutdown sees this start and waits for it.
        counters.started.increment();
        if (!accepting) {
            counters.started.decrement();
            return StartResult.SHUT_DOWN;
        }
        if (!shardFor(name).tryStart(machine, input, name, arn, tasks, listener, counters)) {
            counters.started.decrement();
            counters.throttled.increment();
            return StartResult.THROTTLED;
        }
        return StartResult.ACCEPTED;
    }

    /**
     * Asks every shard to stop the execution with this ARN: only the one running it will. (A start
     * without a name goes to any shard, so the ARN does not say which; stops are rare.)
     */
    public void stop(String executionArn, String error, String cause) {
        String[] parts = executionArn.split(":");
        if (parts.length == 9 && parts[5].equals("express")) {
            for (Shard shard : shards) {
                shard.stop(executionArn, error, cause);
            }
        }
    }

    public StateMachineMetrics metrics(StateMachine machine) {
        return metrics.computeIfAbsent(machine, m -> new StateMachineMetrics(m.name(), m.program()));
    }

    /** The shard for a start: by name when it has one, else any (the shard will make the name). */
    private Shard shardFor(String executionName) {
        if (shards.length == 1) {
            return shards[0];
        }
        int hash = executionName != null ? executionName.hashCode() : ThreadLocalRandom.current().nextInt();
        return shards[(hash & Integer.MAX_VALUE) % shards.length];
    }

    /**
     * Refuses new starts, waits up to {@code grace} for running executions to end, aborts the rest,
     * then stops the shard threads.
     */
    public void shutdown(Duration grace) {
        accepting = false;
        long deadline = System.nanoTime() + grace.toNanos();
        while (running() > 0 && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        for (Shard shard : shards) {
            shard.abortAll();
        }
        long abortDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (running() > 0 && System.nanoTime() < abortDeadline) {
            sleepBriefly();
        }
        for (AgentRunner runner : runners) {
            runner.close();
        }
    }

    private long running() {
        long total = 0;
        for (StateMachineMetrics m : metrics.values()) {
            total += m.running();
        }
        return total;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
