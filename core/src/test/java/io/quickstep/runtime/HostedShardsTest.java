package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.quickstep.runtime.EngineTest.assertInvariant;
import static io.quickstep.runtime.EngineTest.json;
import static io.quickstep.runtime.EngineTest.machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shards run on executors the caller owns ({@link Engine.Context#runShardsOn}): starts made on a
 * host's thread stay on it, timers (Wait, task time limits) fire with no thread of the shard's own,
 * outcomes from other threads wake the host, and shutdown ends the shards but not the hosts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostedShardsTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
    private final List<ScheduledExecutorService> hosts = List.of(host("host-0"), host("host-1"));

    private static ScheduledExecutorService host(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name));
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(ExecutorService::shutdownNow);
    }

    /** A handler answering with the name of the thread it was called on. */
    private static final TaskHandler THREAD_NAME = request -> Json.NODES.textNode(Thread.currentThread().getName());

    @Test
    void aStartMadeOnAHostsThreadRunsOnThatThread() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "where','End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts)
                .tasks(new TaskHandlers().register("where", THREAD_NAME)))) {
            for (ScheduledExecutorService host : hosts) {
                String hostThread = host.submit(() -> Thread.currentThread().getName()).get();
                for (int i = 0; i < 20; i++) {
                    ExecutionResult result = host.submit(() -> engine.startSync(machine, json("{}"))).get()
                            .get(10, TimeUnit.SECONDS);
                    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
                    assertEquals(hostThread, result.output().asText(), "ran on the shard of the thread that started it");
                }
            }
            assertInvariant(engine.metrics(machine));
        }
    }

    @Test
    void aStopPostedWhileItsStartStillWaitsInTheRingAbortsIt() throws Exception {
        // The host is held while more starts than a duty cycle takes are queued, then the last is
        // stopped: the shard reads the stop before that start, and must still find it.
        StateMachine machine = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts.subList(0, 1))
                .shutdownTimeout(Duration.ofMillis(100)))) { // the other 599 are aborted at the end
            CompletableFuture<Void> held = new CompletableFuture<>();
            Future<?> holding = hosts.get(0).submit(() -> held.join());
            List<StartResult> starts = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                starts.add(engine.start(machine, json("{}")));
            }
            StartResult last = starts.get(starts.size() - 1);
            assertEquals(StartResult.Status.ACCEPTED, last.status());
            engine.stop(last.executionArn(), "Stopped.ByTest", "stopped before its start was read");
            held.complete(null);
            holding.get(10, TimeUnit.SECONDS);
            ExecutionResult result = last.completion().get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.ABORTED, result.status());
            assertEquals("stopped before its start was read", result.cause());
            assertFalse(starts.get(0).completion().isDone(), "the others wait on");
        }
    }

    @Test
    void waitsAndRetryBackOffFireWithoutAThreadOfTheShardsOwn() throws Exception {
        // A timestamp a fraction of a second ahead goes to the timer wheel, whole seconds (the
        // Wait, the retry interval) to queues: both kinds of timer.
        StateMachine machine = machine("{'StartAt':'Short','States':{"
                + "'Short':{'Type':'Wait','TimestampPath':'$.at','Next':'Long'},"
                + "'Long':{'Type':'Wait','Seconds':1,'Next':'Flaky'},"
                + "'Flaky':{'Type':'Task','Resource':'" + LAMBDA + "flaky','Retry':[{'ErrorEquals':['States.ALL'],"
                + "'IntervalSeconds':1,'MaxAttempts':2}],'End':true}}}");
        Set<Integer> failedOnce = new HashSet<>(); // the one host's thread only
        TaskHandler flaky = request -> {
            if (failedOnce.add(request.input().get("n").asInt())) {
                throw new IllegalStateException("first attempt fails");
            }
            return request.input();
        };
        try (Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts.subList(0, 1))
                .tasks(new TaskHandlers().register("flaky", flaky)))) {
            List<CompletableFuture<ExecutionResult>> ends = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String at = Instant.now().plusMillis(300 + i).toString();
                ends.add(engine.startSync(machine, json("{'n':" + i + ",'at':'" + at + "'}")));
            }
            for (int i = 0; i < ends.size(); i++) {
                ExecutionResult result = ends.get(i).get(20, TimeUnit.SECONDS);
                assertEquals(ExecutionStatus.SUCCEEDED, result.status(), () -> result.error() + ": " + result.cause());
                assertEquals(i, result.output().get("n").asInt());
            }
            assertInvariant(engine.metrics(machine));
        }
    }

    @Test
    void theHostHoldsOneTimerTaskForTheShardHoweverManyTimersItSets() throws Exception {
        ScheduledThreadPoolExecutor host = new ScheduledThreadPoolExecutor(1);
        host.setRemoveOnCancelPolicy(true); // a cancelled task leaves the queue at once
        StateMachine waits = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().runShardsOn(List.of(host))
                .shutdownTimeout(Duration.ZERO))) {
            engine.start(waits, json("{'s':60}")); // a far timer, pending throughout
            for (int round = 0; round < 3; round++) {
                List<CompletableFuture<ExecutionResult>> ends = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    ends.add(engine.startSync(waits, json("{'s':1}")));
                }
                for (CompletableFuture<ExecutionResult> end : ends) {
                    assertEquals(ExecutionStatus.SUCCEEDED, end.get(10, TimeUnit.SECONDS).status());
                }
            }
            // Each earlier timer that fired used to leave one more task behind for the far one.
            long pending = host.getQueue().stream().filter(task -> ((Delayed) task).getDelay(TimeUnit.SECONDS) > 5).count();
            assertTrue(pending <= 1, pending + " timer tasks for the far timer");
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void outcomesFromOtherThreadsAndTaskTimeoutsReachTheHostedShard() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "later','TimeoutSeconds':1,'End':true}}}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // Even inputs are answered from another thread; odd ones never, so they time out.
        AsyncTaskHandler later = request -> request.input().get("n").asInt() % 2 == 0
                ? CompletableFuture.supplyAsync(request::input, pool) : new CompletableFuture<>();
        try (Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts)
                .tasks(new TaskHandlers().register("later", later)))) {
            List<CompletableFuture<ExecutionResult>> ends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ends.add(engine.startSync(machine, json("{'n':" + i + "}")));
            }
            for (int i = 0; i < ends.size(); i++) {
                ExecutionResult result = ends.get(i).get(20, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertEquals(ExecutionStatus.SUCCEEDED, result.status());
                } else {
                    assertEquals("States.Timeout", result.error());
                }
            }
            assertInvariant(engine.metrics(machine));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void noCycleIsLostWhenStartsAndOutcomesComeFromManyThreadsAtOnce() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "later','End':true}}}");
        ExecutorService completers = Executors.newFixedThreadPool(2);
        AsyncTaskHandler later = request -> CompletableFuture.supplyAsync(() -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000));
            return request.input();
        }, completers);
        ExecutorService producers = Executors.newFixedThreadPool(3);
        try (Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts)
                .tasks(new TaskHandlers().register("later", later)))) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                done.add(producers.submit(() -> {
                    int succeeded = 0;
                    for (int i = 0; i < 1_000; i++) {
                        ExecutionResult result = engine.startSync(machine, Json.NODES.numberNode(i))
                                .get(20, TimeUnit.SECONDS); // a lost cycle leaves this waiting for good
                        succeeded += result.status() == ExecutionStatus.SUCCEEDED ? 1 : 0;
                    }
                    return succeeded;
                }));
            }
            for (Future<Integer> producer : done) {
                assertEquals(1_000, producer.get(60, TimeUnit.SECONDS));
            }
            assertInvariant(engine.metrics(machine));
        } finally {
            producers.shutdownNow();
            completers.shutdownNow();
        }
    }

    @Test
    void shutdownAbortsWhatStillRunsAndLeavesTheHostsRunning() throws Exception {
        StateMachine machine = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}");
        List<CompletableFuture<ExecutionResult>> ends = new ArrayList<>();
        Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts).shutdownTimeout(Duration.ZERO));
        for (int i = 0; i < 10; i++) {
            StartResult started = engine.start(machine, json("{}"));
            assertEquals(StartResult.Status.ACCEPTED, started.status());
            ends.add(started.completion());
        }
        engine.close();
        for (CompletableFuture<ExecutionResult> end : ends) {
            assertEquals(ExecutionStatus.ABORTED, end.get(10, TimeUnit.SECONDS).status());
        }
        assertInvariant(engine.metrics(machine));
        for (ScheduledExecutorService host : hosts) {
            assertFalse(host.isShutdown(), "the engine does not own its hosts");
            assertEquals("still here", host.submit(() -> "still here").get(5, TimeUnit.SECONDS));
        }
        assertEquals(StartResult.Status.SHUT_DOWN, engine.start(machine, json("{}")).status());
    }

    @Test
    void closeIsBoundedWhenAHostStoppedFirst() throws Exception {
        StateMachine machine = machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        Engine engine = Engine.launch(new Engine.Context().runShardsOn(hosts.subList(0, 1))
                .shutdownTimeout(Duration.ZERO));
        JsonNode input = json("{}");
        assertEquals(ExecutionStatus.SUCCEEDED, engine.startSync(machine, input).get(10, TimeUnit.SECONDS).status());
        hosts.get(0).shutdownNow();
        assertTrue(hosts.get(0).awaitTermination(5, TimeUnit.SECONDS));
        engine.close(); // bounded: the shard's host is gone, so shutdown gives up on it and says so
        assertEquals(StartResult.Status.SHUT_DOWN, engine.start(machine, input).status());
    }
}
