package io.quickstep.clients;

import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.service.StepFunctionsService;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Activity workers and task-token callbacks as real clients run them: the AWS SDK for Java v2 and
 * boto3 polling GetActivityTask and answering with SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat against the server, in EXPRESS state machines (which Quickstep lets use both).
 * The server's poll is two seconds here (AWS's is a minute), so that idle workers end soon.
 */
class SdkActivityWorkersTest {
    private static final String WORK = """
            {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s"%s, "End": true}}}""";
    private final LinkedBlockingQueue<String> published = new LinkedBlockingQueue<>();
    private LocalServer server;
    private SfnClient sfn;
    private String activityArn;

    @BeforeEach
    void start() {
        TaskHandlers tasks = new TaskHandlers().register("arn:aws:states:::sns:publish", request -> {
            published.add(request.input().get("Message").textValue());
            return Json.NODES.objectNode().put("MessageId", "m-" + published.size());
        });
        server = LocalServer.start(new Engine.Context().shards(2),
                new StepFunctionsService.Settings().tasks(tasks).activityPoll(Duration.ofSeconds(2)));
        sfn = Sdk.client(server.endpoint());
        activityArn = sfn.createActivity(b -> b.name("work")).activityArn();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.assertBooksBalance();
        sfn.close();
        server.close();
    }

    private String machine(String name, String limits) {
        return sfn.createStateMachine(b -> b.name(name).definition(WORK.formatted(activityArn, limits))
                .roleArn(Sdk.ROLE).type(StateMachineType.EXPRESS)).stateMachineArn();
    }

    private CompletableFuture<StartSyncExecutionResponse> startSync(String machineArn, String input) {
        return CompletableFuture.supplyAsync(() -> sfn.startSyncExecution(b -> b.stateMachineArn(machineArn).input(input)));
    }

    private GetActivityTaskResponse poll(String worker) {
        return sfn.getActivityTask(b -> b.activityArn(activityArn).workerName(worker));
    }

    @Test
    void aWorkerLoopPollsHeartbeatsAndAnswers() throws Exception {
        String machine = machine("beating", ", \"HeartbeatSeconds\": 2");
        CompletableFuture<StartSyncExecutionResponse> run = startSync(machine, "{\"order\": 1}");
        GetActivityTaskResponse task = poll("worker-a");
        while (task.taskToken() == null) { // the poll may end before the start arrives
            task = poll("worker-a");
        }
        assertEquals("{\"order\":1}", task.input());
        String token = task.taskToken();
        for (int i = 0; i < 12; i++) { // past the heartbeat limit, beating every 250 ms
            Thread.sleep(250);
            sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        }
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"shipped\": true}"));

        StartSyncExecutionResponse done = run.get(30, TimeUnit.SECONDS);
        assertEquals(SyncExecutionStatus.SUCCEEDED, done.status());
        assertEquals("{\"shipped\":true}", done.output());
        SfnException again = assertThrows(SfnException.class,
                () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
        assertEquals("TaskDoesNotExist", again.awsErrorDetails().errorCode());
    }

    @Test
    void aWorkerThatDiesLetsItsTaskTimeOut() throws Exception {
        String machine = machine("dying", ", \"HeartbeatSeconds\": 1");
        CompletableFuture<StartSyncExecutionResponse> run = startSync(machine, "{}");
        GetActivityTaskResponse task = poll("doomed");
        while (task.taskToken() == null) {
            task = poll("doomed");
        }
        String token = task.taskToken(); // ... and the worker is never heard of again

        StartSyncExecutionResponse done = run.get(30, TimeUnit.SECONDS);
        assertEquals(SyncExecutionStatus.FAILED, done.status());
        assertEquals("States.HeartbeatTimeout", done.error());
        SfnException late = assertThrows(SfnException.class,
                () -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")));
        assertEquals("TaskTimedOut", late.awsErrorDetails().errorCode());
        SfnException invalid = assertThrows(SfnException.class,
                () -> sfn.sendTaskHeartbeat(b -> b.taskToken("not-a-token")));
        assertEquals("InvalidToken", invalid.awsErrorDetails().errorCode());
    }

    @Test
    void manyWorkersOnOneActivityDoEveryTaskExactlyOnce() throws Exception {
        String machine = machine("many", "");
        int executions = 200;
        int workers = 6;
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> loops = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String name = "worker-" + w;
            loops.add(pool.submit(() -> {
                int idle = 0;
                while (idle < 2) { // two empty polls in a row: the work is over
                    GetActivityTaskResponse task = poll(name);
                    if (task.taskToken() == null) {
                        idle++;
                        continue;
                    }
                    idle = 0;
                    if (!done.add(task.input())) {
                        twice.incrementAndGet();
                    }
                    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output(task.input()));
                }
                return null;
            }));
        }
        List<CompletableFuture<StartSyncExecutionResponse>> runs = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            runs.add(startSync(machine, "{\"i\":" + i + "}"));
        }
        for (int i = 0; i < executions; i++) {
            StartSyncExecutionResponse result = runs.get(i).get(60, TimeUnit.SECONDS);
            assertEquals(SyncExecutionStatus.SUCCEEDED, result.status(), result.toString());
            assertEquals("{\"i\":" + i + "}", result.output());
        }
        for (Future<?> loop : loops) {
            loop.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(0, twice.get());
        assertEquals(executions, done.size());
    }

    @Test
    void aPollWhoseClientWentAwayIsGivenNoTask() throws Exception {
        String machine = machine("gone", "");
        String body = "{\"activityArn\": \"" + activityArn + "\"}";
        try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: AWSStepFunctions.GetActivityTask\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the poll is waiting on the server
        }
        Thread.sleep(200); // and its connection is closed
        CompletableFuture<StartSyncExecutionResponse> run = startSync(machine, "{\"n\": 2}");
        GetActivityTaskResponse task = poll("alive");
        while (task.taskToken() == null) {
            task = poll("alive");
        }
        assertEquals("{\"n\":2}", task.input());
        String token = task.taskToken();
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("2"));
        assertEquals("2", run.get(30, TimeUnit.SECONDS).output());
    }

    @Test
    void aWaitForTaskTokenTaskIsAnsweredFromAnotherClient() throws Exception {
        String machine = sfn.createStateMachine(b -> b.name("callback").roleArn(Sdk.ROLE).type(StateMachineType.EXPRESS)
                .definition("""
                        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
                          "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
                          "Parameters": {"TopicArn": "t", "Message.$": "$$.Task.Token"}, "End": true}}}"""))
                .stateMachineArn();
        CompletableFuture<StartSyncExecutionResponse> approved = startSync(machine, "{}");
        String token = published.poll(30, TimeUnit.SECONDS);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\": true}"));
        assertEquals("{\"approved\":true}", approved.get(30, TimeUnit.SECONDS).output());

        CompletableFuture<StartSyncExecutionResponse> refused = startSync(machine, "{}");
        String second = published.poll(30, TimeUnit.SECONDS);
        sfn.sendTaskFailure(b -> b.taskToken(second).error("Rejected").cause("over budget"));
        StartSyncExecutionResponse failed = refused.get(30, TimeUnit.SECONDS);
        assertEquals("Rejected", failed.error());
        assertEquals("over budget", failed.cause());

        SfnException badOutput = assertThrows(SfnException.class,
                () -> sfn.sendTaskSuccess(b -> b.taskToken(second).output("{not json")));
        assertEquals("InvalidOutput", badOutput.awsErrorDetails().errorCode());
    }

    @Test
    void aBoto3WorkerAnswersAnActivityTask() throws Exception {
        RunPy.Python python = RunPy.probe();
        assumeTrue(python.unavailable() == null, python.unavailable()); // .ci/run installs boto3
        String machine = machine("boto3", "");
        CompletableFuture<StartSyncExecutionResponse> run = startSync(machine, "{\"x\": 3}");
        Path script = Files.createTempFile("worker", ".py");
        Files.writeString(script, """
                import boto3, json, sys
                sfn = boto3.client('stepfunctions', endpoint_url=sys.argv[1], region_name='us-east-1',
                                   aws_access_key_id='local', aws_secret_access_key='local')
                while True:
                    task = sfn.get_activity_task(activityArn=sys.argv[2], workerName='boto3')
                    if task.get('taskToken'):
                        break
                data = json.loads(task['input'])
                sfn.send_task_heartbeat(taskToken=task['taskToken'])
                sfn.send_task_success(taskToken=task['taskToken'], output=json.dumps({'doubled': data['x'] * 2}))
                """);
        try {
            Process worker = new ProcessBuilder("python3", script.toString(), server.endpoint().toString(), activityArn)
                    .redirectErrorStream(true).start();
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the boto3 worker did not finish");
            String printed = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, worker.exitValue(), printed);
        } finally {
            Files.delete(script);
        }
        StartSyncExecutionResponse done = run.get(30, TimeUnit.SECONDS);
        assertEquals("{\"doubled\":6}", done.output());
        assertNull(done.error());
    }
}
