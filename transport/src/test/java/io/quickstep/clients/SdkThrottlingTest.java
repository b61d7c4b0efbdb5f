package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.service.StepFunctionsService;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import io.quickstep.task.TaskRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throttling as the AWS SDK for Java v2 meets it. The engine has one shard that holds at most 64
 * executions; each execution waits in an asynchronous Task until the test opens a gate. With the
 * shard full, a start is refused with ThrottlingException: surfaced by a client that does not
 * retry, retried by one that does until the gate opens and capacity frees, and then it succeeds.
 * No timing is asserted: the retrying call is known to have been refused (the interceptor counts
 * its attempts) before the gate opens.
 */
class SdkThrottlingTest {
    private static final int CAPACITY = 64;
    private static final String HOLD = "arn:aws:lambda:us-east-1:123456789012:function:hold";
    private static final String HELD = """
            {"StartAt": "Hold", "States": {"Hold": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(HOLD);
    private final Gate gate = new Gate();
    private LocalServer server;
    private SfnClient noRetries;
    private String machineArn;

    @BeforeEach
    void fillTheShard() {
        server = LocalServer.start(new Engine.Context().shards(1).maxInFlightPerShard(CAPACITY),
                new StepFunctionsService.Settings().tasks(new TaskHandlers().register("hold", gate)));
        noRetries = Sdk.client(server.endpoint(), c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        machineArn = noRetries.createStateMachine(b -> b.name("held").definition(HELD).roleArn(Sdk.ROLE)
                .type(StateMachineType.EXPRESS)).stateMachineArn();
        for (int i = 0; i < CAPACITY; i++) {
            noRetries.startExecution(b -> b.stateMachineArn(machineArn).input("{}"));
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        gate.open();
        server.assertBooksBalance();
        noRetries.close();
        server.close();
    }

    @Test
    void withoutRetriesAFullShardSurfacesThrottlingException() throws InterruptedException {
        SfnException throttled = assertThrows(SfnException.class,
                () -> noRetries.startExecution(b -> b.stateMachineArn(machineArn).input("{}")));
        assertEquals("ThrottlingException", throttled.awsErrorDetails().errorCode());
        assertEquals(400, throttled.statusCode());
        assertTrue(throttled.isThrottlingException());
        SfnException syncThrottled = assertThrows(SfnException.class,
                () -> noRetries.startSyncExecution(b -> b.stateMachineArn(machineArn).input("{}")));
        assertEquals("ThrottlingException", syncThrottled.awsErrorDetails().errorCode());
        gate.open();
        assertEquals(2, server.assertBooksBalance().throttled());
        assertEquals(CAPACITY, server.engine.metrics().succeeded());
    }

    @Test
    void theSdksRetriesSucceedOnceCapacityFrees() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (SfnClient retrying = Sdk.client(server.endpoint(), c -> c.addExecutionInterceptor(counter)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(1_000)
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                        .circuitBreakerEnabled(false)
                        .build()))) {
            Future<StartSyncExecutionResponse> call = caller.submit(() -> retrying.startSyncExecution(
                    b -> b.stateMachineArn(machineArn).input("{\"late\": true}")));
            for (int waited = 0; attempts.get() < 3 && waited < 2_000; waited++) {
                Thread.sleep(10);
            }
            assertTrue(attempts.get() >= 3, "the call was not retried: " + attempts.get() + " attempts");
            assertTrue(!call.isDone(), "the call ended while the shard was still full");
            gate.open();
            StartSyncExecutionResponse answer = call.get(60, TimeUnit.SECONDS);
            assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
            assertEquals(Json.parse("{\"late\": true}"), Json.parse(answer.output()));
        } finally {
            caller.shutdownNow();
        }
        assertTrue(server.assertBooksBalance().throttled() >= 2);
        assertEquals(CAPACITY + 1, server.engine.metrics().succeeded());
    }

    /** An asynchronous handler that answers its input once opened; calls made before then wait. */
    private static final class Gate implements AsyncTaskHandler {
        private final Queue<CompletableFuture<JsonNode>> waiting = new ConcurrentLinkedQueue<>();
        private volatile boolean open;

        @Override
        public CompletableFuture<JsonNode> invokeAsync(TaskRequest request) {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            waiting.add(answer);
            if (open) {
                release();
            }
            return answer.thenApply(ignored -> request.input());
        }

        void open() {
            open = true;
            release();
        }

        private void release() {
            for (CompletableFuture<JsonNode> answer; (answer = waiting.poll()) != null; ) {
                answer.complete(null);
            }
        }
    }
}
