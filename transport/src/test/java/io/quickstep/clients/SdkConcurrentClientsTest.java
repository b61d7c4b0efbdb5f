package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.http.IngressSettings;
import io.quickstep.json.Json;
import io.quickstep.service.StepFunctionsService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several AWS SDK clients, each on its own thread, each making many StartSyncExecution calls at
 * once against one server (two shards, two event loops): every answer is the output of its own
 * input, never another caller's.
 */
class SdkConcurrentClientsTest {
    private static final int CLIENTS = 6;
    private static final int CALLS_EACH = 200;
    private static final String ADD = """
            {"StartAt": "Add", "States": {"Add": {"Type": "Pass",
              "Parameters": {"client.$": "$.client", "next.$": "States.MathAdd($.call, 1)"}, "End": true}}}""";

    @Test
    void everyAnswerIsTheOutputOfItsOwnInput() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try (LocalServer server = LocalServer.start(new Engine.Context().shards(2), new StepFunctionsService.Settings(),
                IngressSettings.defaults().eventLoops(2))) {
            String arn;
            try (SfnClient sfn = Sdk.client(server.endpoint())) {
                arn = sfn.createStateMachine(b -> b.name("adder").definition(ADD).roleArn(Sdk.ROLE)
                        .type(StateMachineType.EXPRESS)).stateMachineArn();
            }
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(threads.submit(() -> callMany(server, arn, client)));
            }
            for (Future<Integer> client : clients) {
                assertEquals(CALLS_EACH, client.get(120, TimeUnit.SECONDS));
            }
            assertEquals(CLIENTS * CALLS_EACH, server.assertBooksBalance().succeeded());
        } finally {
            threads.shutdownNow();
        }
    }

    /** One client's calls, each answer checked; how many were right. */
    private static int callMany(LocalServer server, String arn, int client) throws Exception {
        int right = 0;
        try (SfnClient sfn = Sdk.client(server.endpoint())) {
            for (int call = 0; call < CALLS_EACH; call++) {
                String input = "{\"client\": " + client + ", \"call\": " + call + "}";
                StartSyncExecutionResponse answer = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input(input));
                assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
                JsonNode output = Json.parse(answer.output());
                assertEquals(client, output.path("client").asInt(), answer.output());
                assertEquals(call + 1, output.path("next").asInt(), answer.output());
                assertEquals(Json.parse(input), Json.parse(answer.input()));
                right++;
            }
        }
        return right;
    }
}
