package io.quickstep.clients;

import io.quickstep.api.Engine;
import io.quickstep.http.IngressSettings;
import io.quickstep.http.RawHttp;
import io.quickstep.json.Json;
import io.quickstep.metrics.EngineMetrics;
import io.quickstep.service.StepFunctionsService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst: 20,000 StartExecution calls as fast as 4 pipelining connections can send them, to an
 * engine whose shards hold at most 64 executions each. Every answer is an execution ARN or a
 * ThrottlingException, nothing else (no other error, no connection closed or reset), and every
 * accepted execution succeeds: the engine's books balance and its successes are the accepted calls.
 */
class BurstTest {
    private static final int CONNECTIONS = 4;
    private static final int CALLS_EACH = 5_000;
    private static final int CALLS_PER_WRITE = 100;
    private static final String STEPS = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}""";

    @Test
    void everyAnswerIsAnArnOrAThrottleAndEveryAcceptedExecutionSucceeds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2 * CONNECTIONS);
        try (LocalServer server = LocalServer.start(new Engine.Context().shards(2).maxInFlightPerShard(64),
                new StepFunctionsService.Settings().maxStoredExecutions(1_000), IngressSettings.defaults().eventLoops(1))) {
            String arn = server.service.createStateMachine("burst", STEPS, StepFunctionsService.EXPRESS);
            byte[] batch = batch(arn);
            List<Future<Map<String, Integer>>> connections = new ArrayList<>();
            List<Future<?>> writers = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                RawHttp client = new RawHttp(server.address());
                writers.add(threads.submit(() -> {
                    for (int sent = 0; sent < CALLS_EACH; sent += CALLS_PER_WRITE) {
                        client.send(batch);
                    }
                    return null;
                }));
                connections.add(threads.submit(() -> answers(client)));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS); // a write that failed (a reset) fails the test
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<Map<String, Integer>> connection : connections) {
                connection.get(120, TimeUnit.SECONDS).forEach((kind, n) -> outcomes.merge(kind, n, Integer::sum));
            }
            System.out.println("BurstTest: " + outcomes);
            int accepted = outcomes.getOrDefault("executionArn", 0);
            int throttled = outcomes.getOrDefault("ThrottlingException", 0);
            assertEquals(CONNECTIONS * CALLS_EACH, accepted + throttled, "answers other than an ARN or a throttle: " + outcomes);
            EngineMetrics books = server.assertBooksBalance();
            assertEquals(accepted, books.started());
            assertEquals(accepted, books.succeeded());
            assertEquals(throttled, books.throttled());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Reads one connection's answers, counted by kind: {@code executionArn} or the error's type. */
    private static Map<String, Integer> answers(RawHttp client) throws Exception {
        Map<String, Integer> kinds = new TreeMap<>();
        try (client) {
            for (int i = 0; i < CALLS_EACH; i++) {
                RawHttp.Answer answer = client.read();
                assertTrue(answer != null, "the server closed the connection after " + i + " answers");
                String kind = answer.status() == 200 && answer.json().path("executionArn").isTextual() ? "executionArn"
                        : answer.status() + " " + answer.errorType();
                kinds.merge(kind.equals("400 ThrottlingException") ? "ThrottlingException" : kind, 1, Integer::sum);
            }
        }
        return kinds;
    }

    private static byte[] batch(String arn) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] one = RawHttp.call("StartExecution", Json.NODES.objectNode().put("stateMachineArn", arn)
                .put("input", "{\"burst\": true}").toString());
        for (int i = 0; i < CALLS_PER_WRITE; i++) {
            bytes.writeBytes(one);
        }
        return bytes.toByteArray();
    }
}
