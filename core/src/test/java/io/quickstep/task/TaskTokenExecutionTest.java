package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activity and .waitForTaskToken tasks run by an engine, answered from other threads by their tokens. */
class TaskTokenExecutionTest {
    private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:work";

    private static StateMachine activityMachine(String limits) {
        return StateMachine.create("act", """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s"%s, "End": true}}}"""
                .formatted(ACTIVITY, limits)).recordingEvents(true);
    }

    private static List<String> events(ExecutionResult result) {
        return result.events().stream().map(e -> e.id() + " " + e.previousEventId() + " " + e.type()).toList();
    }

    @Test
    void aWorkerTakesAnActivityTaskAndItsAnswerIsTheResult() throws Exception {
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            CompletableFuture<ExecutionResult> run = engine.startSync(activityMachine(""), Json.parse("{\"n\": 7}"));
            Callbacks.ActivityTask task = engine.callbacks().getActivityTask(ACTIVITY, "worker-1").get(10, TimeUnit.SECONDS);

            assertEquals(Json.parse("{\"n\": 7}"), task.input());
            engine.callbacks().sendTaskSuccess(task.taskToken(), Json.parse("{\"done\": 7}"));
            ExecutionResult result = run.get(10, TimeUnit.SECONDS);

            assertTrue(result.succeeded(), result.toString());
            assertEquals(Json.parse("{\"done\": 7}"), result.output());
            assertEquals(List.of("1 0 ExecutionStarted", "2 0 TaskStateEntered", "3 2 ActivityScheduled",
                    "4 3 ActivityStarted", "5 4 ActivitySucceeded", "6 5 TaskStateExited", "7 6 ExecutionSucceeded"),
                    events(result));
            HistoryEvent started = result.events().get(3);
            assertEquals("worker-1", started.details().get("workerName").textValue());
            HistoryEvent scheduled = result.events().get(2);
            assertEquals(ACTIVITY, scheduled.details().get("resource").textValue());
            // The task is gone: a second answer is refused.
            Callbacks.RefusedException again = assertThrows(Callbacks.RefusedException.class,
                    () -> engine.callbacks().sendTaskSuccess(task.taskToken(), Json.NODES.nullNode()));
            assertEquals(Callbacks.Refusal.TASK_DOES_NOT_EXIST, again.refusal());
        }
    }

    @Test
    void aFailureSentByTheWorkerIsTheTasksErrorForCatch() throws Exception {
        StateMachine machine = StateMachine.create("act", """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true,
                  "Catch": [{"ErrorEquals": ["Worker.Broke"], "ResultPath": "$.caught", "Next": "Caught"}]},
                 "Caught": {"Type": "Pass", "End": true}}}""".formatted(ACTIVITY));
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            CompletableFuture<ExecutionResult> run = engine.startSync(machine, Json.parse("{}"));
            Callbacks.ActivityTask task = engine.callbacks().getActivityTask(ACTIVITY, null).get(10, TimeUnit.SECONDS);
            engine.callbacks().sendTaskFailure(task.taskToken(), "Worker.Broke", "the disk is full");

            ExecutionResult result = run.get(10, TimeUnit.SECONDS);
            assertTrue(result.succeeded(), result.toString());
            assertEquals(Json.parse("{\"caught\": {\"Error\": \"Worker.Broke\", \"Cause\": \"the disk is full\"}}"),
                    result.output());
        }
    }

    @Test
    void aTaskNoWorkerAnswersTimesOutAndALateAnswerIsToldSo() throws Exception {
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            ExecutionResult result = engine.startSync(activityMachine(", \"TimeoutSeconds\": 1"), Json.parse("{}"))
                    .get(10, TimeUnit.SECONDS);
            assertEquals("States.Timeout", result.error());
            assertEquals(List.of("1 0 ExecutionStarted", "2 0 TaskStateEntered", "3 2 ActivityScheduled",
                    "4 3 ActivityTimedOut", "5 4 ExecutionFailed"), events(result));

            // Its task is no longer handed out: a worker polling now gets nothing.
            CompletableFuture<Callbacks.ActivityTask> poll = engine.callbacks().getActivityTask(ACTIVITY, "late");
            assertNull(poll.completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).get());
        }
    }

    @Test
    void heartbeatsKeepATaskAliveAndTheirAbsenceEndsIt() throws Exception {
        StateMachine machine = activityMachine(", \"HeartbeatSeconds\": 2");
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            CompletableFuture<ExecutionResult> beating = engine.startSync(machine, Json.parse("{}"));
            Callbacks.ActivityTask task = engine.callbacks().getActivityTask(ACTIVITY, "w").get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 15; i++) { // three seconds, past the heartbeat limit, beating every 200 ms
                Thread.sleep(200);
                engine.callbacks().sendTaskHeartbeat(task.taskToken());
            }
            engine.callbacks().sendTaskSuccess(task.taskToken(), Json.parse("\"alive\""));
            assertEquals(Json.parse("\"alive\""), beating.get(10, TimeUnit.SECONDS).output());

            CompletableFuture<ExecutionResult> silent = engine.startSync(machine, Json.parse("{}"));
            Callbacks.ActivityTask quiet = engine.callbacks().getActivityTask(ACTIVITY, "w").get(10, TimeUnit.SECONDS);
            ExecutionResult result = silent.get(10, TimeUnit.SECONDS);
            assertEquals("States.HeartbeatTimeout", result.error());
            Callbacks.RefusedException late = assertThrows(Callbacks.RefusedException.class,
                    () -> engine.callbacks().sendTaskHeartbeat(quiet.taskToken()));
            assertEquals(Callbacks.Refusal.TASK_TIMED_OUT, late.refusal());
        }
    }

    @Test
    void manyWorkersOnOneActivityDoEveryTaskExactlyOnce() throws Exception {
        int tasks = 400;
        int workers = 8;
        try (Engine engine = Engine.launch(new Engine.Context().shards(2))) {
            StateMachine machine = activityMachine("");
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            List<Integer> done = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int w = 0; w < workers; w++) {
                String name = "worker-" + w;
                pool.execute(() -> {
                    try {
                        while (true) {
                            Callbacks.ActivityTask task = engine.callbacks().getActivityTask(ACTIVITY, name)
                                    .completeOnTimeout(null, 2, TimeUnit.SECONDS).get();
                            if (task == null) {
                                return;
                            }
                            assertTrue(tokens.add(task.taskToken()), "a task handed out twice");
                            done.add(task.input().get("i").intValue());
                            engine.callbacks().sendTaskSuccess(task.taskToken(), task.input());
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
            }
            List<CompletableFuture<ExecutionResult>> runs = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                runs.add(engine.startSync(machine, Json.parse("{\"i\": " + i + "}")));
            }
            for (int i = 0; i < tasks; i++) {
                ExecutionResult result = runs.get(i).get(30, TimeUnit.SECONDS);
                assertTrue(result.succeeded(), result.toString());
                assertEquals(i, result.output().get("i").intValue());
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            assertNull(failure.get());
            assertEquals(tasks, done.size());
            assertEquals(tasks, Set.copyOf(done).size());
            assertEquals(0, engine.callbacks().waiting());
        }
    }

    @Test
    void tasksWaitingForWorkersHoldNoThreadAndTheShardGoesOnWithOtherExecutions() throws Exception {
        StateMachine pass = StateMachine.create("pass", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            List<CompletableFuture<ExecutionResult>> waiting = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                waiting.add(engine.startSync(activityMachine(""), Json.NODES.numberNode(i)));
            }
            for (int i = 0; i < 2_000; i++) { // the one shard serves these while 2,000 tasks wait
                assertTrue(engine.startSync(pass, Json.NODES.numberNode(i)).get(10, TimeUnit.SECONDS).succeeded());
            }
            assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone));
            assertEquals(0, engine.metrics().stalls());
            for (int i = 0; i < 2_000; i++) {
                Callbacks.ActivityTask task = engine.callbacks().getActivityTask(ACTIVITY, "w").get(10, TimeUnit.SECONDS);
                assertEquals(i, task.input().intValue()); // in the order they were scheduled
                engine.callbacks().sendTaskSuccess(task.taskToken(), task.input());
            }
            for (CompletableFuture<ExecutionResult> run : waiting) {
                assertTrue(run.get(10, TimeUnit.SECONDS).succeeded());
            }
        }
    }

    @Test
    void thousandsOfIdlePollsHoldNoThreadAndEachGetsOneTask() throws Exception {
        int polls = 10_000;
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            int threadsBefore = Thread.activeCount();
            List<CompletableFuture<Callbacks.ActivityTask>> waiting = new ArrayList<>();
            for (int i = 0; i < polls; i++) {
                waiting.add(engine.callbacks().getActivityTask(ACTIVITY, "w" + i));
            }
            assertTrue(Thread.activeCount() <= threadsBefore + 2, "idle polls took threads");
            List<CompletableFuture<ExecutionResult>> runs = new ArrayList<>();
            for (int i = 0; i < polls; i++) {
                runs.add(engine.startSync(activityMachine(""), Json.NODES.numberNode(i)));
            }
            Set<String> tokens = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < polls; i++) { // the longest-waiting poll gets the first task
                Callbacks.ActivityTask task = waiting.get(i).get(10, TimeUnit.SECONDS);
                assertEquals(i, task.input().intValue());
                assertTrue(tokens.add(task.taskToken()));
                engine.callbacks().sendTaskSuccess(task.taskToken(), task.input());
            }
            for (CompletableFuture<ExecutionResult> run : runs) {
                assertTrue(run.get(10, TimeUnit.SECONDS).succeeded());
            }
        }
    }

    @Test
    void aWaitForTaskTokenTaskCallsItsIntegrationThenWaitsForTheToken() throws Exception {
        StateMachine machine = StateMachine.create("cb", """
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
                  "End": true}}}""").recordingEvents(true);
        CompletableFuture<JsonNode> sent = new CompletableFuture<>();
        TaskHandlers handlers = new TaskHandlers().register("arn:aws:states:::sqs:sendMessage", request -> {
            sent.complete(request.input());
            return Json.parse("{\"MessageId\": \"m-1\"}");
        });
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(handlers))) {
            CompletableFuture<ExecutionResult> run = engine.startSync(machine, Json.parse("{\"order\": 5}"));
            JsonNode message = sent.get(10, TimeUnit.SECONDS).get("MessageBody");
            assertEquals(5, message.get("order").intValue());
            assertFalse(run.isDone());

            engine.callbacks().sendTaskSuccess(message.get("token").textValue(), Json.parse("{\"approved\": true}"));
            ExecutionResult result = run.get(10, TimeUnit.SECONDS);

            assertEquals(Json.parse("{\"approved\": true}"), result.output());
            assertEquals(List.of("1 0 ExecutionStarted", "2 0 TaskStateEntered", "3 2 TaskScheduled",
                    "4 3 TaskStarted", "5 4 TaskSubmitted", "6 5 TaskSucceeded", "7 6 TaskStateExited",
                    "8 7 ExecutionSucceeded"), events(result));
            assertEquals(Json.parse("{\"MessageId\": \"m-1\"}"), result.events().get(4).details().get("output"));
        }
    }

    @Test
    void eachRetryAttemptHasATokenOfItsOwn() throws Exception {
        StateMachine machine = StateMachine.create("cb", """
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                  "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
                  "Parameters": {"Message.$": "$$.Task.Token"},
                  "Retry": [{"ErrorEquals": ["Again"], "IntervalSeconds": 1, "BackoffRate": 1, "MaxAttempts": 1}],
                  "End": true}}}""");
        List<String> tokens = new CopyOnWriteArrayList<>();
        TaskHandlers handlers = new TaskHandlers().register("arn:aws:states:::sns:publish", request -> {
            tokens.add(request.input().get("Message").textValue());
            return Json.NODES.objectNode();
        });
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(handlers))) {
            CompletableFuture<ExecutionResult> run = engine.startSync(machine, Json.parse("{}"));
            while (tokens.isEmpty()) {
                Thread.sleep(5);
            }
            engine.callbacks().sendTaskFailure(tokens.get(0), "Again", null);
            while (tokens.size() < 2) {
                Thread.sleep(5);
            }
            assertFalse(tokens.get(0).equals(tokens.get(1)));
            Callbacks.RefusedException stale = assertThrows(Callbacks.RefusedException.class,
                    () -> engine.callbacks().sendTaskSuccess(tokens.get(0), Json.NODES.nullNode()));
            assertEquals(Callbacks.Refusal.TASK_DOES_NOT_EXIST, stale.refusal());
            engine.callbacks().sendTaskSuccess(tokens.get(1), Json.parse("1"));
            assertEquals(Json.parse("1"), run.get(10, TimeUnit.SECONDS).output());
        }
    }

    @Test
    void anIntegrationThatFailsFailsTheTaskAndClosesItsToken() throws Exception {
        StateMachine machine = StateMachine.create("cb", """
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                  "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
                  "Parameters": {"Message.$": "$$.Task.Token"}, "End": true}}}""");
        AtomicReference<String> token = new AtomicReference<>();
        TaskHandlers handlers = new TaskHandlers().register("arn:aws:states:::sns:publish", request -> {
            token.set(request.input().get("Message").textValue());
            throw new IllegalStateException("no topic");
        });
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(handlers))) {
            ExecutionResult result = engine.startSync(machine, Json.parse("{}")).get(10, TimeUnit.SECONDS);
            assertEquals("IllegalStateException", result.error());
            assertEquals(Callbacks.Refusal.TASK_DOES_NOT_EXIST, assertThrows(Callbacks.RefusedException.class,
                    () -> engine.callbacks().sendTaskSuccess(token.get(), Json.NODES.nullNode())).refusal());
            assertEquals(0, engine.callbacks().waiting());
        }
    }

    @Test
    void anAbortedExecutionClosesItsTokens() throws Exception {
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            CompletableFuture<ExecutionResult> run = engine.startSync(activityMachine(""), Json.parse("{}"));
            Callbacks.ActivityTask task = engine.callbacks().getActivityTask(ACTIVITY, "w").get(10, TimeUnit.SECONDS);
            engine.close();
            ExecutionResult result = run.get(10, TimeUnit.SECONDS);
            assertEquals("States.Aborted", result.error());
            assertEquals(Callbacks.Refusal.TASK_DOES_NOT_EXIST, assertThrows(Callbacks.RefusedException.class,
                    () -> engine.callbacks().sendTaskSuccess(task.taskToken(), Json.NODES.nullNode())).refusal());
        }
    }

    @Test
    void anExecutionOnTheCallersThreadIsAnsweredThroughItsCallbacks() throws Exception {
        Callbacks callbacks = new Callbacks();
        Thread worker = new Thread(() -> {
            try {
                Callbacks.ActivityTask task = callbacks.getActivityTask(ACTIVITY, "w").get(10, TimeUnit.SECONDS);
                callbacks.sendTaskSuccess(task.taskToken(), Json.parse("\"here\""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        worker.start();
        ExecutionResult result = activityMachine("").execute("{}", ExecutionOptions.defaults().callbacks(callbacks));
        worker.join();
        assertEquals(Json.parse("\"here\""), result.output());

        ExecutionResult nobody = activityMachine("").execute("{}", ExecutionOptions.defaults());
        assertEquals("States.TaskFailed", nobody.error());
        assertTrue(nobody.cause().contains("ExecutionOptions.callbacks"), nobody.cause());
    }

    @Test
    void tokensThatAreNotTheEnginesAreInvalid() {
        Callbacks callbacks = new Callbacks();
        for (String token : new String[] {"", "abc", "QSTT" + "x".repeat(31), Callbacks.newToken() + "!"}) {
            assertEquals(Callbacks.Refusal.INVALID_TOKEN, assertThrows(Callbacks.RefusedException.class,
                    () -> callbacks.sendTaskSuccess(token, Json.NODES.nullNode())).refusal(), token);
        }
        assertEquals(Callbacks.Refusal.TASK_DOES_NOT_EXIST, assertThrows(Callbacks.RefusedException.class,
                () -> callbacks.sendTaskHeartbeat(Callbacks.newToken())).refusal());
    }
}
