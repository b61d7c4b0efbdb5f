package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.Misbehaving;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every time limit holds in {@link StateMachine#execute}, whatever the workflow or its handlers do
 * (issue 8's defects: each of these ran forever or succeeded before). Bounded by the class's time
 * limit, so a hang fails the test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExecuteLimitsTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
    static final String LOOP = "{'TimeoutSeconds':3,'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},"
            + "'B':{'Type':'Choice','Choices':[{'Variable':'$.stop','IsPresent':true,'Next':'D'}],'Default':'A'},"
            + "'D':{'Type':'Succeed'}}}";

    private static StateMachine machine(String definition) throws Exception {
        return StateMachine.create("limits", definition.replace('\'', '"'));
    }

    private static JsonNode empty() {
        return Json.NODES.objectNode();
    }

    private static String oneTask(int timeoutSeconds) {
        return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "work',"
                + (timeoutSeconds > 0 ? "'TimeoutSeconds':" + timeoutSeconds + "," : "") + "'End':true}}}";
    }

    @Test
    void aLoopOfStatesTimesOutAtTheMachinesLimitOnEitherClock() throws Exception {
        StateMachine loop = machine(LOOP);
        for (Clock clock : new Clock[] {Clock.SYSTEM, Clock.virtual()}) {
            ExecutionResult result = loop.execute(empty(), ExecutionOptions.defaults().clock(clock));
            assertEquals(ExecutionStatus.TIMED_OUT, result.status());
            assertEquals("States.Timeout", result.error());
            assertTrue(result.stopMillis() - result.startMillis() >= 3000, result.toString());
        }
    }

    @Test
    void aLoopWithoutALimitOfItsOwnHasTheExpressFiveMinutes() throws Exception {
        // A clock that passes a minute on every reading: the five minutes go by at once.
        Clock fast = new Clock() {
            private long now = System.currentTimeMillis();

            @Override
            public long millis() {
                return now += 60_000;
            }

            @Override
            public void sleep(long durationMillis) {
                now += durationMillis;
            }
        };
        ExecutionResult result = machine(LOOP.replace("'TimeoutSeconds':3,", ""))
                .execute(empty(), ExecutionOptions.defaults().clock(fast));
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals("States.Timeout", result.error());
    }

    @Test
    void aSynchronousHandlerThatReturnsAfterTheStatesTimeoutTimesOut() throws Exception {
        TaskHandler slow = request -> {
            Thread.sleep(1500);
            return Json.NODES.textNode("late");
        };
        ExecutionResult result = machine(oneTask(1)).execute(empty(),
                ExecutionOptions.defaults().tasks(new TaskHandlers().register("work", slow)));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Timeout", result.error());
    }

    @Test
    void anAsynchronousHandlerThatNeverCompletesTimesOutAtTheStatesLimit() throws Exception {
        CompletableFuture<JsonNode> never = new CompletableFuture<>();
        TaskHandlers tasks = new TaskHandlers().register("work", (AsyncTaskHandler) request -> never);
        ExecutionResult result = machine(oneTask(1)).execute(empty(), ExecutionOptions.defaults().tasks(tasks));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Timeout", result.error());
        assertTrue(never.isCancelled(), "the abandoned call's future was cancelled");
    }

    @Test
    void anAsynchronousHandlerThatNeverCompletesEndsAtTheExecutionsLimit() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", (AsyncTaskHandler) request -> new CompletableFuture<>());
        String definition = oneTask(0).replace("{'StartAt'", "{'TimeoutSeconds':1,'StartAt'");
        ExecutionResult result = machine(definition).execute(empty(), ExecutionOptions.defaults().tasks(tasks));
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
    }

    @Test
    void anAsynchronousAnswerIsTakenWhileTheVirtualClockWaits() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", (AsyncTaskHandler) request ->
                CompletableFuture.supplyAsync(() -> Json.NODES.textNode("answered"),
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)));
        ExecutionResult result = machine(oneTask(5)).execute(empty(),
                ExecutionOptions.defaults().tasks(tasks).clock(Clock.virtual()));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), String.valueOf(result.cause()));
        assertEquals("answered", result.output().asText());
    }

    @Test
    void aBlockingHandlerThatHangsIsInterruptedAtTheStatesTimeout() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        TaskHandler hangs = Misbehaving.hangsUntilInterrupted(interrupted);
        TaskHandlers tasks = new TaskHandlers().registerBlocking("work", hangs);
        ExecutionResult result = machine(oneTask(1)).execute(empty(), ExecutionOptions.defaults().tasks(tasks));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Timeout", result.error());
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the hanging call was interrupted");
    }

    @Test
    void interruptingTheCallingThreadAbortsALoopingExecution() throws Exception {
        StateMachine loop = machine(LOOP.replace("'TimeoutSeconds':3,", ""));
        AtomicReference<ExecutionResult> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(loop.execute(empty(), ExecutionOptions.defaults())));
        caller.start();
        Thread.sleep(200);
        caller.interrupt();
        caller.join(10_000);
        assertEquals(ExecutionStatus.ABORTED, result.get().status());
        assertEquals("States.Aborted", result.get().error());
    }

    @Test
    void anAnonymousExceptionClassGivesTheNameTheJvmGivesIt() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", request -> {
            throw new RuntimeException("anonymous") {
            };
        });
        ExecutionResult result = machine(oneTask(0)).execute(empty(), ExecutionOptions.defaults().tasks(tasks));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertTrue(result.error().startsWith(ExecuteLimitsTest.class.getName() + "$"), result.error());
        // A function ARN resource: the cause is the JSON Lambda writes for a function's error.
        assertEquals("anonymous", Json.parse(result.cause()).get("errorMessage").textValue());
        assertEquals(result.error(), Json.parse(result.cause()).get("errorType").textValue());
    }

    @Test
    void anErrorThrownByAHandlerFailsItsTask() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", request -> {
            throw new AssertionError("handler bug");
        });
        long before = StateMachine.errors().count(EngineErrors.Kind.HANDLER);
        ExecutionResult result = machine(oneTask(0)).execute(empty(), ExecutionOptions.defaults().tasks(tasks));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("AssertionError", result.error());
        assertEquals("handler bug", Json.parse(result.cause()).get("errorMessage").textValue());
        assertEquals(before + 1, StateMachine.errors().count(EngineErrors.Kind.HANDLER), "counted");
        assertTrue(StateMachine.errors().distinct().stream().anyMatch(e -> e.stackTrace().contains("handler bug")
                && e.where().equals("state 'T', resource " + LAMBDA + "work")), "kept with its stack trace");
    }
}
