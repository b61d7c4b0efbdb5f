package io.quickstep.http;

import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.service.StepFunctionsService;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS SDK for Java v2 {@code sfn} client, changed only in its endpoint, against the server and
 * the real service. For StartSyncExecution the SDK puts {@code sync-} in front of the host name; on
 * a local endpoint turn that off with {@link SdkAdvancedClientOption#DISABLE_HOST_PREFIX_INJECTION}
 * (the server would accept the request anyway; it is the name {@code sync-127.0.0.1} that does not resolve).
 */
class HttpIngressSdkTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static Engine engine;
    private static StepFunctionsService service;
    private static HttpIngress ingress;
    private static SfnClient sfn;
    private static String orderArn;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.launch(new Engine.Context().shards(2));
        Map<String, java.util.List<MockAnswer>> orderMocks =
                MockAnswer.parseAll(Json.parse(Files.readString(EXAMPLES.resolve("order/order.mocks.json"))));
        service = new StepFunctionsService(engine, new StepFunctionsService.Settings()
                .tasksByStateMachine(name -> name.equals("order") ? new Mocks(orderMocks) : null));
        orderArn = service.createStateMachine("order", Files.readString(EXAMPLES.resolve("order/order.asl.json")),
                StepFunctionsService.EXPRESS);
        ingress = HttpIngress.start(IngressSettings.defaults().address("127.0.0.1", 0).eventLoops(1), service,
                new IngressMetrics(() -> engine.metrics().machines()));
        sfn = SfnClients.local(ingress.address(), SfnClients.ANY);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        ingress.close();
        service.close();
        engine.close();
    }

    @Test
    void startSyncExecutionRunsTheOrderExampleWithItsMocks() throws IOException {
        String input = readInput("order/order-input.json");
        StartSyncExecutionResponse answer = sfn.startSyncExecution(b -> b.stateMachineArn(orderArn).input(input));
        assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
        assertTrue(answer.executionArn().contains(":express:order:"), answer.executionArn());
        assertTrue(answer.startDate() != null && answer.stopDate() != null);
        assertTrue(Json.parse(answer.output()).isObject());
    }

    @Test
    void startExecutionAnswersAtOnceWithAnArn() throws IOException {
        String input = readInput("order/order-input.json");
        StartExecutionResponse answer = sfn.startExecution(b -> b.stateMachineArn(orderArn).input(input));
        assertTrue(answer.executionArn().startsWith("arn:aws:states:us-east-1:"), answer.executionArn());
        assertTrue(answer.startDate() != null);
    }

    @Test
    void awsErrorsReachTheSdkAsItsExceptions() {
        StateMachineDoesNotExistException missing = assertThrows(StateMachineDoesNotExistException.class,
                () -> sfn.describeStateMachine(b -> b.stateMachineArn(orderArn + "-none")));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.requestId() != null && !missing.requestId().isEmpty());
    }

    @Test
    void listsAndDescribesAsTheSdkParsesThem() {
        assertTrue(sfn.listStateMachines(b -> { }).stateMachines().stream().anyMatch(m -> m.name().equals("order")));
        assertEquals("order", sfn.describeStateMachine(b -> b.stateMachineArn(orderArn)).name());
    }

    @Test
    void aFailedExecutionIsAnAnswerNotAnError() {
        StartSyncExecutionResponse answer = sfn.startSyncExecution(b -> b.stateMachineArn(orderArn).input("{}"));
        assertTrue(answer.status() == SyncExecutionStatus.FAILED || answer.status() == SyncExecutionStatus.SUCCEEDED);
        assertTrue(ExecutionStatus.fromValue(answer.statusAsString()) != null);
    }

    private static String readInput(String example) throws IOException {
        return Files.readString(EXAMPLES.resolve(example));
    }
}
