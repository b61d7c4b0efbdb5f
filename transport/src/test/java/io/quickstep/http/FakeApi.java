package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;
import io.quickstep.service.AwsException;
import io.quickstep.service.StepFunctionsApi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the Step Functions service, answering as the JSON 1.0 protocol carries it:
 * StartSyncExecution echoes the input as output after {@code delayMs} (from the input, default 0)
 * on another thread, as a shard would; StartExecution answers at once; DescribeStateMachine fails
 * with AWS's StateMachineDoesNotExist; {@code Fault} throws what the API must never throw.
 */
final class FakeApi implements StepFunctionsApi, AutoCloseable {
    static final String MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:echo";
    private final ScheduledExecutorService completer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-shard");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public CompletionStage<JsonNode> call(String operation, JsonNode request) {
        switch (operation) {
            case "StartSyncExecution": {
                JsonNode input = parsedInput(request);
                CompletableFuture<JsonNode> answer = new CompletableFuture<>();
                long delay = input.path("delayMs").asLong(0);
                completer.schedule(() -> answer.complete(syncResult(request, input)), delay, TimeUnit.MILLISECONDS);
                return answer;
            }
            case "StartExecution": {
                ObjectNode answer = Json.NODES.objectNode();
                answer.put("executionArn", MACHINE_ARN.replace(":stateMachine:", ":express:") + ":run:1");
                answer.put("startDate", 1.7e9);
                return CompletableFuture.completedFuture(answer);
            }
            case "DescribeStateMachine":
                return CompletableFuture.failedFuture(new AwsException("StateMachineDoesNotExist",
                        "State Machine Does Not Exist: '" + request.path("stateMachineArn").asText() + "'"));
            case "Fault":
                throw new IllegalStateException("a fault with a secret stack trace");
            case "FaultLater":
                return CompletableFuture.failedFuture(new IllegalStateException("a later fault"));
            default:
                return CompletableFuture.failedFuture(new AwsException("UnknownOperationException",
                        "Unknown operation " + operation));
        }
    }

    private static JsonNode parsedInput(JsonNode request) {
        try {
            return Json.read(request.path("input").asText("{}"));
        } catch (io.quickstep.json.MalformedJsonException e) {
            throw new AwsException("InvalidExecutionInput", e.getMessage());
        }
    }

    private static JsonNode syncResult(JsonNode request, JsonNode input) {
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("executionArn", MACHINE_ARN.replace(":stateMachine:", ":express:") + ":sync:1");
        answer.put("stateMachineArn", request.path("stateMachineArn").asText());
        answer.put("name", "sync");
        answer.put("startDate", 1.7e9);
        answer.put("stopDate", 1.7e9 + 0.001);
        answer.put("status", "SUCCEEDED");
        answer.put("input", Json.write(input));
        answer.put("output", Json.write(input));
        return answer;
    }

    @Override
    public void close() {
        completer.shutdownNow();
    }
}
