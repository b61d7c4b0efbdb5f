package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many executions across shards at once: asynchronous task outcomes in random order, failures
 * that Retry recovers from, Parallel and Map fan-out, Wait timers, stops at random moments, and a
 * shutdown with executions in flight. Every execution's result is checked, and the invariant
 * started = succeeded + failed + timed out + aborted holds. Bounded: a few seconds.
 */
class EngineStressTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final int EXECUTIONS = 2000;

    /** Per execution: Parallel of a Map (items doubled by an async task, retried once) and a Wait. */
    private static final String FAN_OUT = "{'StartAt':'Fan','States':{'Fan':{'Type':'Parallel','Branches':["
            + "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items','MaxConcurrency':2,"
            + "'ItemSelector':{'run.$':'$.run','item.$':'$$.Map.Item.Value'},"
            + "'ItemProcessor':{'StartAt':'Double','States':{'Double':{'Type':'Task','Resource':'" + LAMBDA + "double',"
            + "'Retry':[{'ErrorEquals':['Flaky'],'IntervalSeconds':1,'MaxAttempts':1}],'End':true}}},'End':true}}},"
            + "{'StartAt':'Pause','States':{'Pause':{'Type':'Wait','Seconds':0,'Next':'Echo'},"
            + "'Echo':{'Type':'Task','Resource':'" + LAMBDA + "echo','End':true}}}],'End':true}}}";

    @Test
    void shouldKeepEveryResultAndTheInvariantUnderConcurrentLoad() throws Exception {
        ScheduledExecutorService completer = Executors.newScheduledThreadPool(2);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        TaskHandlers tasks = new TaskHandlers()
                .register("double", (AsyncTaskHandler) request -> {
                    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
                    int run = request.input().get("run").asInt();
                    int item = request.input().get("item").asInt();
                    // Every seventh call fails once; Retry makes it succeed the second time.
                    boolean fail = (run + item) % 7 == 0 && failedOnce.add(run + "/" + item);
                    completer.schedule(() -> {
                        if (fail) {
                            answer.completeExceptionally(new ExecutionFailure("Flaky", "try again"));
                        } else {
                            answer.complete(Json.NODES.numberNode(item * 2));
                        }
                    }, ThreadLocalRandom.current().nextInt(3), TimeUnit.MILLISECONDS);
                    return answer;
                })
                .register("echo", request -> request.input());
        StateMachine machine = EngineTest.machine(FAN_OUT);
        List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
        Set<Integer> stopped = ConcurrentHashMap.newKeySet();
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).maxInFlightPerShard(1024).tasks(tasks))) {
            for (int run = 0; run < EXECUTIONS; run++) {
                JsonNode input = EngineTest.json("{'run':" + run + ",'items':[1,2,3]}");
                StartResult start = startRetryingThrottles(engine, machine, input);
                results.add(start.completion());
                if (run % 10 == 3) {
                    stopped.add(run);
                    engine.stop(start.executionArn(), "Stress.Stop", "stopped at random");
                }
            }
            for (int run = 0; run < EXECUTIONS; run++) {
                ExecutionResult result = results.get(run).get(30, TimeUnit.SECONDS);
                if (result.status() == ExecutionStatus.ABORTED) {
                    assertTrue(stopped.contains(run), "only stopped executions abort, not run " + run);
                    assertEquals("Stress.Stop", result.error());
                } else {
                    assertEquals(ExecutionStatus.SUCCEEDED, result.status(), "run " + run + ": " + result.cause());
                    assertEquals(EngineTest.json("[[2,4,6],{'run':" + run + ",'items':[1,2,3]}]"), result.output());
                }
            }
            StateMachineMetrics metrics = engine.metrics(machine);
            EngineTest.assertInvariant(metrics);
            assertEquals(EXECUTIONS, metrics.started());
            assertTrue(metrics.transitions().get("Fan/0/Each/0/Double") >= metrics.succeeded() * 3,
                    "every succeeded execution entered Double once per item");
        } finally {
            completer.shutdownNow();
        }
    }

    @Test
    void shouldAbortInFlightExecutionsAtShutdownAndCountEveryOne() throws Exception {
        StateMachine waits = EngineTest.machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}");
        StateMachine quick = EngineTest.machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        Engine engine = Engine.launch(new Engine.Context().shards(2).shutdownTimeout(Duration.ofMillis(300)));
        List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StateMachine machine = i % 2 == 0 ? waits : quick;
            results.add(startRetryingThrottles(engine, machine, EngineTest.json("{'i':" + i + "}")).completion());
        }
        engine.close();
        for (int i = 0; i < results.size(); i++) {
            ExecutionStatus status = results.get(i).get(10, TimeUnit.SECONDS).status();
            assertEquals(i % 2 == 0 ? ExecutionStatus.ABORTED : ExecutionStatus.SUCCEEDED, status, "execution " + i);
        }
        EngineTest.assertInvariant(engine.metrics(waits));
        EngineTest.assertInvariant(engine.metrics(quick));
        assertEquals(250, engine.metrics(waits).aborted());
    }

    @Test
    void shouldTimeOutABurstOfTaskCallsThatNeverAnswer() throws Exception {
        StateMachine machine = EngineTest.machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "silent','TimeoutSeconds':1,'End':true}}}");
        TaskHandlers tasks = new TaskHandlers().register("silent", (AsyncTaskHandler) request -> new CompletableFuture<>());
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).maxInFlightPerShard(16_384).tasks(tasks))) {
            List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                results.add(startRetryingThrottles(engine, machine, EngineTest.json("{}")).completion());
            }
            for (CompletableFuture<ExecutionResult> result : results) {
                ExecutionResult ended = result.get(30, TimeUnit.SECONDS);
                assertEquals(ExecutionStatus.FAILED, ended.status());
                assertEquals("States.Timeout", ended.error());
            }
            EngineTest.assertInvariant(engine.metrics(machine));
        }
    }

    /** Starts, retrying a throttled start a bounded number of times (the test fails if it never fits). */
    private static StartResult startRetryingThrottles(Engine engine, StateMachine machine, JsonNode input) {
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            StartResult start = engine.start(machine, input);
            if (start.accepted()) {
                return start;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the engine refused a start a million times in a row");
    }
}
