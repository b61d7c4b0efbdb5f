package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

    static StateMachine machine(String definition) throws Exception {
        return StateMachine.create("test", definition.replace('\'', '"'));
    }

    static JsonNode json(String text) throws Exception {
        return Json.parse(text.replace('\'', '"'));
    }

    static void assertInvariant(StateMachineMetrics m) {
        assertEquals(m.started(), m.succeeded() + m.failed() + m.timedOut() + m.aborted(),
                "started = succeeded + failed + timed out + aborted");
    }

    @Test
    void shouldTakeAsyncTaskResultsBackOntoTheShard() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "echo',"
                + "'ResultPath':'$.echo','End':true}}}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                runnable -> new Thread(runnable, "handler-pool"));
        TaskHandlers tasks = new TaskHandlers().register("echo", (AsyncTaskHandler) request ->
                CompletableFuture.supplyAsync(() -> Json.NODES.textNode(Thread.currentThread().getName()), pool));
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(tasks))) {
            ExecutionResult result = engine.startSync(machine, json("{'a':1}")).get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertEquals(1, result.output().get("a").asInt());
            assertEquals("handler-pool", result.output().get("echo").asText(), "completed on another thread");
            assertInvariant(engine.metrics(machine));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldAbandonAndCancelATaskThatRunsPastItsTimeout() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "slow',"
                + "'TimeoutSeconds':1,'End':true}}}");
        CompletableFuture<JsonNode> never = new CompletableFuture<>();
        TaskHandlers tasks = new TaskHandlers().register("slow", (AsyncTaskHandler) request -> never);
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(tasks))) {
            ExecutionResult result = engine.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("States.Timeout", result.error());
            assertTrue(never.isCancelled(), "the handler is told through cancellation");
        }
    }

    @Test
    void shouldRefuseStartsAtOnceWhenTheRingIsFullAndLoseNoneItAccepted() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "gate',"
                + "'End':true}}}");
        CountDownLatch gate = new CountDownLatch(1);
        TaskHandlers tasks = new TaskHandlers().register("gate", request -> {
            gate.await(); // blocks the shard thread: nothing more is consumed until released
            return request.input();
        });
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).maxInFlightPerShard(64).tasks(tasks))) {
            List<CompletableFuture<ExecutionResult>> accepted = new ArrayList<>();
            int throttled = 0;
            for (int i = 0; i < 200; i++) {
                StartResult start = engine.start(machine, json("{'i':" + i + "}"));
                if (start.accepted()) {
                    accepted.add(start.completion());
                } else {
                    assertEquals(StartResult.Status.THROTTLED, start.status());
                    throttled++;
                }
            }
            gate.countDown();
            for (CompletableFuture<ExecutionResult> completion : accepted) {
                assertEquals(ExecutionStatus.SUCCEEDED, completion.get(10, TimeUnit.SECONDS).status());
            }
            StateMachineMetrics metrics = engine.metrics(machine);
            assertTrue(throttled > 0, "a 64-slot ring cannot take 200 starts while its consumer is blocked");
            assertEquals(throttled, metrics.throttled());
            assertEquals(accepted.size(), metrics.succeeded());
            assertInvariant(metrics);
        }
    }

    @Test
    void shouldAbortARunningExecutionOnStop() throws Exception {
        StateMachine machine = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().shards(2))) {
            StartResult start = engine.start(machine, json("{}"));
            assertTrue(start.executionArn().startsWith("arn:aws:states:us-east-1:123456789012:express:test:"));
            engine.stop(start.executionArn(), "Stopped.ByTest", "no longer needed");
            ExecutionResult result = start.completion().get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.ABORTED, result.status());
            assertEquals("Stopped.ByTest", result.error());
            assertEquals("no longer needed", result.cause());
            assertInvariant(engine.metrics(machine));
        }
    }

    @Test
    void shouldStopAnExecutionByTheArnItReadFromTheContextObject() throws Exception {
        // Started in the listener form, which returns no ARN: the execution makes its ARN only when
        // it reads $$.Execution.Id, and hands it to a task that never answers.
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "hold','Parameters':{'arn.$':'$$.Execution.Id'},'End':true}}}");
        CompletableFuture<String> arnSeen = new CompletableFuture<>();
        TaskHandlers tasks = new TaskHandlers().register("hold", (AsyncTaskHandler) request -> {
            arnSeen.complete(request.input().get("arn").asText());
            return new CompletableFuture<>();
        });
        CompletableFuture<ExecutionResult> ended = new CompletableFuture<>();
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(tasks))) {
            assertEquals(StartResult.Status.ACCEPTED, engine.start(machine, json("{}"), null, tasks, ended::complete));
            String arn = arnSeen.get(10, TimeUnit.SECONDS);
            engine.stop(arn + "0", "Stopped.ByTest", "an ARN of no execution");
            engine.stop(arn, "Stopped.ByTest", "named by its own ARN");
            ExecutionResult result = ended.get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.ABORTED, result.status());
            assertEquals("named by its own ARN", result.cause());
            assertInvariant(engine.metrics(machine));
        }
    }

    @Test
    void shouldAbortWhatIsStillRunningWhenShutdownTimeoutPasses() throws Exception {
        StateMachine waiting = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}");
        StateMachine quick = machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        Engine engine = Engine.launch(new Engine.Context().shards(2).shutdownTimeout(Duration.ofMillis(200)));
        List<CompletableFuture<ExecutionResult>> waits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waits.add(engine.startSync(waiting, json("{}")));
        }
        ExecutionResult quickResult = engine.startSync(quick, json("{'x':1}")).get(10, TimeUnit.SECONDS);
        engine.close();
        assertEquals(ExecutionStatus.SUCCEEDED, quickResult.status());
        for (CompletableFuture<ExecutionResult> wait : waits) {
            assertEquals(ExecutionStatus.ABORTED, wait.get(10, TimeUnit.SECONDS).status());
        }
        StartResult refused = engine.start(quick, json("{}"));
        assertEquals(StartResult.Status.SHUT_DOWN, refused.status());
        // A refusal's future is there and says why, so completion().join() meets no null.
        CompletionException why = assertThrows(
                CompletionException.class, () -> refused.completion().join());
        assertTrue(why.getCause() instanceof RejectedExecutionException);
        assertTrue(why.getCause().getMessage().contains("shut down"), why.getCause().getMessage());
        assertInvariant(engine.metrics(waiting));
        assertEquals(20, engine.metrics(waiting).aborted());
    }

    @Test
    void shouldTimeOutTheExecutionAtItsLimit() throws Exception {
        StateMachine machine = machine("{'TimeoutSeconds':1,'StartAt':'W','States':{"
                + "'W':{'Type':'Wait','Seconds':30,'End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            ExecutionResult result = engine.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.TIMED_OUT, result.status());
            assertEquals("States.Timeout", result.error());
            assertEquals(1, engine.metrics(machine).timedOut());
        }
    }

    @Test
    void shouldFailAnExecutionRatherThanLoseItWhenTheEngineHitsAFault() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "odd',"
                + "'End':true}}}");
        // A result whose members cannot be read: measuring it fails inside the shard.
        com.fasterxml.jackson.databind.node.ObjectNode unreadable = new com.fasterxml.jackson.databind.node.ObjectNode(
                Json.NODES) {
            @Override
            public java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields() {
                throw new IllegalStateException("unreadable");
            }
        };
        // Answered later (through the ring) and answered at once (taken in on the spot).
        for (AsyncTaskHandler handler : List.<AsyncTaskHandler>of(
                request -> CompletableFuture.supplyAsync(() -> unreadable),
                request -> CompletableFuture.completedFuture(unreadable))) {
            TaskHandlers tasks = new TaskHandlers().register("odd", handler);
            try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(tasks))) {
                ExecutionResult result = engine.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
                assertEquals(ExecutionStatus.FAILED, result.status());
                assertEquals("States.Runtime", result.error());
                assertTrue(result.cause().startsWith("Internal error in state 'T': java.lang.IllegalStateException: "
                        + "unreadable"), result.cause());
                assertInvariant(engine.metrics(machine));
                assertEquals(1, engine.metrics().errors().count(io.quickstep.metrics.EngineErrors.Kind.ENGINE_FAULT));
                assertTrue(engine.metrics().errors().distinct().get(0).stackTrace().contains("unreadable"));
            }
        }
    }

    @Test
    void shouldTellAListenerOnceWhenAnExecutionEnds() throws Exception {
        StateMachine machine = machine("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'done','End':true}}}");
        CompletableFuture<ExecutionResult> told = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (Engine engine = Engine.launch(new Engine.Context().shards(2))) {
            StartResult.Status code = engine.start(machine, json("{}"), "named-run", new TaskHandlers(), result -> {
                calls.incrementAndGet();
                told.complete(result);
            });
            assertEquals(StartResult.Status.ACCEPTED, code);
            assertEquals("done", told.get(10, TimeUnit.SECONDS).output().asText());
        }
        assertEquals(1, calls.get());
    }

    @Test
    void shouldTakeTheInputSizeFromTheCallerAndStillHoldTheLimit() throws Exception {
        StateMachine machine = machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        String small = "{\"a\":1}";
        String large = "\"" + "x".repeat(300 * 1024) + "\"";
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            CompletableFuture<ExecutionResult> sized = new CompletableFuture<>();
            assertEquals(StartResult.Status.ACCEPTED, engine.start(machine, json(small), small.length(), "sized",
                    null, new TaskHandlers(), sized::complete));
            ExecutionResult ran = sized.get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.SUCCEEDED, ran.status());
            assertEquals(json(small), ran.output());

            // Over the limit: the same failure whether the caller gives the size or not.
            CompletableFuture<ExecutionResult> measured = new CompletableFuture<>();
            CompletableFuture<ExecutionResult> given = new CompletableFuture<>();
            engine.start(machine, json(large), "measured", null, new TaskHandlers(), measured::complete);
            engine.start(machine, json(large), large.length(), "given", null, new TaskHandlers(), given::complete);
            ExecutionResult expected = measured.get(10, TimeUnit.SECONDS);
            ExecutionResult actual = given.get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.FAILED, expected.status());
            assertEquals("States.DataLimitExceeded", expected.error());
            assertEquals(expected.status(), actual.status());
            assertEquals(expected.error(), actual.error());
            assertEquals(expected.cause(), actual.cause());
            assertThrows(IllegalArgumentException.class, () -> engine.start(machine, json(small), -1, null, null,
                    new TaskHandlers(), result -> { }));
        }
    }

    @Test
    void shouldCountTransitionsPerEngineByStatePath() throws Exception {
        StateMachine machine = machine("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','Next':'C'},'C':{'Type':'Pass','End':true}}}],"
                + "'Next':'D'},'D':{'Type':'Pass','End':true}}}");
        try (Engine one = Engine.launch(new Engine.Context().shards(1));
             Engine other = Engine.launch(new Engine.Context().shards(1))) {
            for (int i = 0; i < 3; i++) {
                one.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            }
            other.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            assertEquals(java.util.Map.of("P", 3L, "P/0/A", 3L, "P/1/B", 3L, "P/1/C", 3L, "D", 3L),
                    one.metrics(machine).transitions());
            assertEquals(java.util.Map.of("P", 1L, "P/0/A", 1L, "P/1/B", 1L, "P/1/C", 1L, "D", 1L),
                    other.metrics(machine).transitions(), "each engine counts its own executions");
        }
    }

    @Test
    void shouldKeepTheContextItWasLaunchedWithWhateverIsChangedAfter() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "echo','End':true}}}");
        Engine.Context context = new Engine.Context().shards(1)
                .tasks(new TaskHandlers().register("echo", request -> Json.NODES.textNode("launched with")));
        try (Engine engine = Engine.launch(context)) {
            context.tasks(new TaskHandlers().register("echo", request -> Json.NODES.textNode("changed after")))
                    .maxInFlightPerShard(64);
            ExecutionResult result = engine.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            assertEquals("launched with", result.output().asText());
        }
    }

    @Test
    void shouldRejectABadContextNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engine.launch(new Engine.Context().maxInFlightPerShard(1000)));
        assertTrue(e.getMessage().contains("maxInFlightPerShard"));
    }
}
