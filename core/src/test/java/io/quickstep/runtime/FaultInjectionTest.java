package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.Misbehaving;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.quickstep.runtime.EngineTest.json;
import static io.quickstep.runtime.EngineTest.machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside code misbehaving in every way we know, through the public API: after each, the shard
 * still runs new executions, the books balance, and nothing hangs (every wait is bounded and the
 * class has a time limit, so a hang fails the test).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultInjectionTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final String ONE_TASK = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
            + "work','TimeoutSeconds':2,'End':true}}}";
    private static final String PASS = "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'ok','End':true}}}";
    /** The loop from the issue: Pass and Choice states forever, a 3-second limit. */
    static final String LOOP = "{'TimeoutSeconds':3,'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},"
            + "'B':{'Type':'Choice','Choices':[{'Variable':'$.stop','IsPresent':true,'Next':'D'}],'Default':'A'},"
            + "'D':{'Type':'Succeed'}}}";

    static Stream<Throwable> throwables() {
        return Stream.of(new AssertionError("assertion"), new StackOverflowError("deep"),
                new OutOfMemoryError("Java heap space"), new IllegalStateException("bad state"),
                new java.io.IOException("checked"), new ExecutionFailure("Custom.Error", "chosen"));
    }

    /** The error a task gets for a handler's throwable: its own for ExecutionFailure, else the class. */
    private static String expectedError(Throwable thrown) {
        return thrown instanceof ExecutionFailure ? ((ExecutionFailure) thrown).error() : thrown.getClass().getSimpleName();
    }

    /** The throwable to throw from a handler: itself (an Error, or any Exception). */
    private static Exception rethrown(Throwable thrown) {
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        return (Exception) thrown;
    }

    /** The throwable to throw where no checked exception may go: itself, or a checked one wrapped. */
    private static RuntimeException unchecked(Throwable thrown) {
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        return thrown instanceof RuntimeException ? (RuntimeException) thrown : new IllegalStateException(thrown);
    }

    private static Engine engine(TaskHandler tasks) {
        return Engine.launch(new Engine.Context().shards(1).tasks(tasks).shutdownTimeout(Duration.ofMillis(200)));
    }

    private static ExecutionResult run(Engine engine, StateMachine machine) throws Exception {
        return engine.startSync(machine, json("{}")).get(30, TimeUnit.SECONDS);
    }

    /** The shard still runs a new execution, and the engine's books balance. */
    private static void assertShardAlive(Engine engine) throws Exception {
        StateMachine pass = machine(PASS);
        assertEquals(ExecutionStatus.SUCCEEDED, run(engine, pass).status(), "the shard still runs executions");
        assertBooksBalance(engine);
    }

    static void assertBooksBalance(Engine engine) {
        EngineMetrics m = engine.metrics();
        assertEquals(m.started(), m.succeeded() + m.failed() + m.timedOut() + m.aborted() + m.running(),
                "started = succeeded + failed + timed out + aborted + running");
    }

    @ParameterizedTest
    @MethodSource("throwables")
    void aSynchronousHandlerThrowingAnythingFailsOnlyItsTask(Throwable thrown) throws Exception {
        StateMachine machine = machine(ONE_TASK);
        TaskHandler handler = request -> {
            throw rethrown(thrown);
        };
        try (Engine engine = engine(new TaskHandlers().register("work", handler))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals(expectedError(thrown), result.error());
            assertShardAlive(engine);
            long counted = engine.metrics().errors().count(EngineErrors.Kind.HANDLER);
            assertEquals(thrown instanceof ExecutionFailure ? 0 : 1, counted, "handler errors counted");
        }
    }

    @ParameterizedTest
    @MethodSource("throwables")
    void anAsynchronousHandlerThrowingBeforeItsStageFailsOnlyItsTask(Throwable thrown) throws Exception {
        StateMachine machine = machine(ONE_TASK);
        AsyncTaskHandler handler = request -> {
            throw unchecked(thrown);
        };
        try (Engine engine = engine(new TaskHandlers().register("work", handler))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.FAILED, result.status());
            String expected = thrown instanceof java.io.IOException ? "IllegalStateException" : expectedError(thrown);
            assertEquals(expected, result.error());
            assertShardAlive(engine);
        }
    }

    @ParameterizedTest
    @MethodSource("throwables")
    void aStageCompletedExceptionallyFailsOnlyItsTask(Throwable thrown) throws Exception {
        StateMachine machine = machine(ONE_TASK);
        AsyncTaskHandler handler = request -> CompletableFuture.supplyAsync(() -> {
            throw new java.util.concurrent.CompletionException(thrown);
        });
        try (Engine engine = engine(new TaskHandlers().register("work", handler))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals(expectedError(thrown), result.error());
            assertShardAlive(engine);
        }
    }

    @Test
    void aHandlerReturningNullGivesJsonNullAndANullStageFailsTheTask() throws Exception {
        StateMachine machine = machine(ONE_TASK);
        try (Engine engine = engine(new TaskHandlers().register("work", request -> null))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status());
            assertTrue(result.output().isNull());
        }
        try (Engine engine = engine(new TaskHandlers().register("work", (AsyncTaskHandler) request -> null))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("States.TaskFailed", result.error());
            assertTrue(result.cause().contains("returned no CompletionStage"), result.cause());
            assertShardAlive(engine);
        }
    }

    @Test
    void aStageThatNeverCompletesTimesOutAtTheStatesLimit() throws Exception {
        StateMachine machine = machine(ONE_TASK);
        try (Engine engine = engine(new TaskHandlers().register("work",
                (AsyncTaskHandler) request -> new CompletableFuture<>()))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("States.Timeout", result.error());
            assertShardAlive(engine);
        }
    }

    @Test
    void aStageCompletedTwiceOrAfterItsTimeoutIsTakenOnceOrNotAtAll() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "work','TimeoutSeconds':1,'Retry':[{'ErrorEquals':['States.Timeout'],'IntervalSeconds':1,"
                + "'MaxAttempts':1}],'End':true}}}");
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<JsonNode>> stages = new ArrayList<>();
        AsyncTaskHandler handler = request -> {
            CompletableFuture<JsonNode> stage = new CompletableFuture<>();
            synchronized (stages) {
                stages.add(stage);
            }
            if (calls.incrementAndGet() == 2) {
                // The retry: answered twice; the first answer wins.
                stage.complete(Json.NODES.textNode("first"));
                stage.completeExceptionally(new IllegalStateException("second"));
                // The abandoned first attempt answers late: it must be ignored.
                synchronized (stages) {
                    stages.get(0).complete(Json.NODES.textNode("late"));
                }
            }
            return stage;
        };
        try (Engine engine = engine(new TaskHandlers().register("work", handler))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status(), String.valueOf(result.cause()));
            assertEquals("first", result.output().asText());
            assertEquals(2, calls.get());
            assertTrue(stages.get(0).isCancelled(), "the timed-out call's future was cancelled");
            assertShardAlive(engine);
        }
    }

    @Test
    void aSynchronousHandlerThatAnswersAfterItsTimeoutTimesOut() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "work','TimeoutSeconds':1,'End':true}}}");
        TaskHandler slow = request -> {
            Thread.sleep(1500);
            return Json.NODES.textNode("too late");
        };
        try (Engine engine = engine(new TaskHandlers().register("work", slow))) {
            ExecutionResult result = run(engine, machine);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("States.Timeout", result.error());
        }
    }

    @ParameterizedTest
    @MethodSource("throwables")
    void aListenerThrowingAnythingIsCountedAndTheShardGoesOn(Throwable thrown) throws Exception {
        StateMachine machine = machine(PASS);
        try (Engine engine = engine(new TaskHandlers())) {
            AtomicInteger told = new AtomicInteger();
            StartResult.Status code = engine.start(machine, json("{}"), null, new TaskHandlers(), result -> {
                told.incrementAndGet();
                throw unchecked(thrown);
            });
            assertEquals(StartResult.Status.ACCEPTED, code);
            assertShardAlive(engine);
            assertEquals(1, told.get(), "told once");
            assertEquals(1, engine.metrics().errors().count(EngineErrors.Kind.LISTENER));
        }
    }

    @Test
    void aFuturesDependantThrowingAnErrorOnTheShardFailsOnlyItsOwnFuture() throws Exception {
        StateMachine machine = machine(PASS);
        try (Engine engine = engine(new TaskHandlers())) {
            // Completed on the shard's thread, which runs the dependant there.
            CompletableFuture<Object> dependant = engine.startSync(machine, json("{}")).thenApply(result -> {
                throw new AssertionError("dependant");
            });
            java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> dependant.get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof AssertionError, String.valueOf(failed.getCause()));
            assertShardAlive(engine);
        }
    }

    @Test
    void aStartWhoseInputBreaksTheEngineFailsOnceAndTheRingMovesOn() throws Exception {
        StateMachine machine = machine(PASS);
        ObjectNode unreadable = new ObjectNode(Json.NODES) {
            @Override
            public java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields() {
                throw new AssertionError("unreadable input");
            }
        };
        try (Engine engine = engine(new TaskHandlers())) {
            AtomicInteger told = new AtomicInteger();
            CompletableFuture<ExecutionResult> first = new CompletableFuture<>();
            engine.start(machine, unreadable, null, new TaskHandlers(), result -> {
                told.incrementAndGet();
                first.complete(result);
            });
            ExecutionResult result = first.get(30, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("States.Runtime", result.error());
            assertTrue(result.cause().contains("unreadable input"), result.cause());
            for (int i = 0; i < 100; i++) {
                assertShardAlive(engine);
            }
            assertEquals(1, told.get(), "the slot was handled once");
            assertEquals(1, engine.metrics().errors().count(EngineErrors.Kind.ENGINE_FAULT));
        }
    }

    @Test
    void aLoopOfStatesTimesOutWhileTheShardRunsOthersAndStopsReachIt() throws Exception {
        StateMachine loop = machine(LOOP);
        StateMachine pass = machine(PASS);
        try (Engine engine = engine(new TaskHandlers())) {
            StartResult timed = engine.start(loop, json("{}"));
            StartResult stopped = engine.start(loop, json("{}"));
            // Others on the same (only) shard keep finishing while both loops run.
            for (int i = 0; i < 200; i++) {
                assertEquals(ExecutionStatus.SUCCEEDED, run(engine, pass).status());
            }
            assertNull(stopped.completion().getNow(null), "still looping");
            engine.stop(stopped.executionArn(), "Stopped", "by the test");
            ExecutionResult aborted = stopped.completion().get(30, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.ABORTED, aborted.status());
            assertEquals("Stopped", aborted.error());
            ExecutionResult result = timed.completion().get(30, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.TIMED_OUT, result.status());
            assertEquals("States.Timeout", result.error());
            assertBooksBalance(engine);
        }
    }

    @Test
    void closeReachesALoopingExecution() throws Exception {
        StateMachine loop = machine(LOOP.replace("'TimeoutSeconds':3,", ""));
        Engine engine = engine(new TaskHandlers());
        StartResult looping = engine.start(loop, json("{}"));
        Thread.sleep(100);
        engine.close();
        ExecutionResult result = looping.completion().get(30, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertBooksBalance(engine);
    }

    @Test
    void aBlockingHandlerRunsOffTheShardWithItsTimeoutEnforced() throws Exception {
        StateMachine blocking = machine(ONE_TASK.replace("'TimeoutSeconds':2", "'TimeoutSeconds':1"));
        StateMachine pass = machine(PASS);
        CountDownLatch interrupted = new CountDownLatch(1);
        TaskHandler hangs = Misbehaving.hangsUntilInterrupted(interrupted);
        try (Engine engine = engine(new TaskHandlers().registerBlocking("work", hangs))) {
            CompletableFuture<ExecutionResult> slow = engine.startSync(blocking, json("{}"));
            for (int i = 0; i < 50; i++) {
                assertEquals(ExecutionStatus.SUCCEEDED, run(engine, pass).status(), "the shard is not held");
            }
            ExecutionResult result = slow.get(30, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("States.Timeout", result.error());
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the abandoned call was interrupted");
            assertEquals(0, engine.metrics().stalls());
            assertShardAlive(engine);
        }
    }

    @Test
    void theWatchdogReportsAShardHeldByASynchronousHandler() throws Exception {
        StateMachine machine = machine(ONE_TASK.replace("'TimeoutSeconds':2", "'TimeoutSeconds':10"));
        TaskHandler blocks = request -> {
            Thread.sleep(1_500);
            return Json.NODES.textNode("done");
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.quickstep.engine");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).stallLimit(Duration.ofMillis(300))
                .tasks(new TaskHandlers().register("work", blocks)))) {
            assertEquals(ExecutionStatus.SUCCEEDED, run(engine, machine).status());
            assertEquals(1, engine.metrics().stalls(), "one stall, reported once");
            String warning = warnings.stream().filter(w -> w.contains("duty cycle")).findFirst().orElse("");
            assertTrue(warning.contains("state 'T'") && warning.contains("FaultInjectionTest")
                    && warning.contains("registerBlocking"), warning);
            assertShardAlive(engine);
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void stopsRacingCompletionsKeepTheBooks() throws Exception {
        StateMachine machine = machine(ONE_TASK);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        AsyncTaskHandler quick = request -> CompletableFuture.supplyAsync(() -> Json.NODES.textNode("x"), pool);
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(new TaskHandlers().register("work", quick)))) {
            List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                StartResult start = engine.start(machine, json("{}"));
                if (start.accepted()) {
                    engine.stop(start.executionArn(), "Stopped", "racing");
                    results.add(start.completion());
                }
            }
            for (CompletableFuture<ExecutionResult> result : results) {
                ExecutionStatus status = result.get(30, TimeUnit.SECONDS).status();
                assertTrue(status == ExecutionStatus.SUCCEEDED || status == ExecutionStatus.ABORTED, status.name());
            }
            EngineMetrics m = engine.metrics();
            assertEquals(results.size(), m.succeeded() + m.aborted());
            assertBooksBalance(engine);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aTinyRingThrottlesStartsButNeverLosesAnOutcome() throws Exception {
        // A Map of 100 asynchronous calls per execution, on shards of 64 executions: the outcomes
        // far outnumber the ring's slots, and every one must arrive.
        StateMachine machine = machine("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items',"
                + "'Iterator':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "work',"
                + "'End':true}}},'End':true}}}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        AsyncTaskHandler quick = request -> CompletableFuture.supplyAsync(() -> request.input(), pool);
        StringBuilder items = new StringBuilder("{'items':[");
        for (int i = 0; i < 100; i++) {
            items.append(i == 0 ? "" : ",").append(i);
        }
        JsonNode input = json(items.append("]}").toString());
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).maxInFlightPerShard(64)
                .tasks(new TaskHandlers().register("work", quick)))) {
            List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
            int throttled = 0;
            for (int i = 0; i < 1_000; i++) {
                StartResult start = engine.start(machine, input);
                if (start.accepted()) {
                    results.add(start.completion());
                } else {
                    assertEquals(StartResult.Status.THROTTLED, start.status());
                    throttled++;
                }
            }
            assertTrue(throttled > 0, "starts beyond 2 x 64 in flight are refused");
            for (CompletableFuture<ExecutionResult> result : results) {
                ExecutionResult r = result.get(60, TimeUnit.SECONDS);
                assertEquals(ExecutionStatus.SUCCEEDED, r.status(), String.valueOf(r.cause()));
                assertEquals(100, r.output().size());
            }
            assertEquals(throttled, engine.metrics().throttled());
            assertBooksBalance(engine);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shutdownWithEveryKindOfTroubleInFlightEndsInBoundedTimeAndKeepsTheBooks() throws Exception {
        StateMachine loop = machine(LOOP.replace("'TimeoutSeconds':3,", ""));
        String waitAndTask = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "%s','End':true}}}";
        StateMachine hangsSync = machine(String.format(waitAndTask, "hang"));
        StateMachine neverAsync = machine(String.format(waitAndTask, "never"));
        StateMachine blocking = machine(String.format(waitAndTask, "blocking"));
        StateMachine listenerThrows = machine(PASS);
        TaskHandler hang = Misbehaving.hangsUntilInterrupted(new CountDownLatch(1));
        TaskHandlers tasks = new TaskHandlers().register("hang", hang)
                .register("never", (AsyncTaskHandler) request -> new CompletableFuture<>())
                .registerBlocking("blocking", hang);
        Engine engine = Engine.launch(new Engine.Context().shards(2).tasks(tasks).shutdownTimeout(Duration.ofMillis(200)));
        List<Supplier<ExecutionResult>> results = new ArrayList<>();
        for (StateMachine machine : List.of(loop, neverAsync, blocking, hangsSync)) {
            for (int i = 0; i < 3; i++) {
                CompletableFuture<ExecutionResult> result = engine.startSync(machine, json("{}"));
                results.add(() -> result.getNow(null));
            }
        }
        engine.start(listenerThrows, json("{}"), null, tasks, result -> {
            throw new AssertionError("listener");
        });
        Thread.sleep(200);
        long closing = System.nanoTime();
        engine.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
        assertTrue(closeMillis < 20_000, "close() took " + closeMillis + " ms");
        for (Supplier<ExecutionResult> result : results) {
            ExecutionResult r = result.get();
            assertTrue(r != null && r.status() == ExecutionStatus.ABORTED, String.valueOf(r));
        }
        assertBooksBalance(engine);
        assertEquals(0, engine.metrics().running());
        assertEquals(StartResult.Status.SHUT_DOWN, engine.start(loop, json("{}")).status());
    }
}
