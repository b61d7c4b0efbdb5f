package io.quickstep.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quickstep.api.Engine;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Task states whose functions have no handler in the process reach a fake Lambda endpoint over the
 * Invoke API: the payload goes in, the answer comes back in each resource form's shape, and a
 * function's error, a missing function and an endpoint that is not there fail the task as on AWS.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LambdaEndpointTest {
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private HttpServer lambda;
    /** Each call the fake endpoint got: its path and query, then its body. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakeLambda() throws IOException {
        lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lambda.createContext("/2015-03-31/functions/", this::answer);
        lambda.start();
    }

    @AfterEach
    void stopFakeLambda() {
        lambda.stop(0);
    }

    /** echo: answers {"echo": payload}; fails: a function error; anything else does not exist. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        calls.add(uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()) + " " + body);
        String function = uri.getPath().split("/")[3];
        String answer;
        int status = 200;
        if (function.equals("echo")) {
            answer = "{\"echo\":" + body + "}";
        } else if (function.equals("fails")) {
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            answer = "{\"errorMessage\":\"no stock\",\"errorType\":\"OutOfStock\",\"stackTrace\":[]}";
        } else {
            status = 404;
            exchange.getResponseHeaders().add("X-Amzn-ErrorType", "ResourceNotFoundException");
            answer = "{\"Type\":\"User\",\"message\":\"Function not found: " + function + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ExecutionResult run(String definition, String input, TaskHandlers tasks) throws Exception {
        StateMachine machine = StateMachine.create("remote", definition.replace('\'', '"'));
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(tasks))) {
            return engine.startSync(machine, Json.parse(input.replace('\'', '"'))).get(20, TimeUnit.SECONDS);
        }
    }

    private TaskHandlers remote() {
        URI endpoint = URI.create("http://127.0.0.1:" + lambda.getAddress().getPort());
        return new TaskHandlers().remoteFunctions(new LambdaEndpoint(endpoint)::function);
    }

    @Test
    void aFunctionArnSendsTheInputAndTakesTheAnswer() throws Exception {
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FUNCTION_ARN
                + "echo','End':true}}}", "{'a':1}", remote());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::cause);
        assertEquals(Json.parse("{\"echo\":{\"a\":1}}"), result.output());
        assertEquals(List.of("/2015-03-31/functions/echo/invocations {\"a\":1}"), calls);
    }

    @Test
    void lambdaInvokeSendsThePayloadWithTheQualifierAndAnswersInAwsShape() throws Exception {
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'echo:live','Payload':{'b.$':'$.b'}},"
                + "'End':true}}}", "{'b':2}", remote());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::cause);
        JsonNode output = result.output();
        assertEquals(Json.parse("{\"echo\":{\"b\":2}}"), output.get("Payload"));
        assertEquals(200, output.get("StatusCode").asInt());
        assertEquals(List.of("/2015-03-31/functions/echo/invocations?Qualifier=live {\"b\":2}"), calls);
    }

    @Test
    void aFunctionsErrorIsTheTasksErrorThatCatchSees() throws Exception {
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FUNCTION_ARN
                + "fails','Catch':[{'ErrorEquals':['OutOfStock'],'ResultPath':'$.caught','Next':'Caught'}],"
                + "'End':true},'Caught':{'Type':'Pass','End':true}}}", "{}", remote());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::cause);
        assertEquals("OutOfStock", result.output().at("/caught/Error").asText());
        assertEquals("{\"errorMessage\": \"no stock\", \"errorType\": \"OutOfStock\", \"stackTrace\": []}",
                result.output().at("/caught/Cause").asText(), "the function's payload, spaced as Lambda writes it");
    }

    @Test
    void aMissingFunctionFailsAsLambdaSaysSo() throws Exception {
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FUNCTION_ARN
                + "nowhere','End':true}}}", "{}", remote());
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("Lambda.ResourceNotFoundException", result.error());
        assertTrue(result.cause().startsWith("Function not found: nowhere (Service: AWSLambda; Status Code: 404;"),
                result.cause());
    }

    @Test
    void anEndpointThatIsNotThereFailsTheTaskWithRetriesToSeeIt() throws Exception {
        lambda.stop(0);
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FUNCTION_ARN
                + "echo','End':true}}}", "{}", remote());
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("Lambda.SdkClientException", result.error());
    }

    @Test
    @SuppressWarnings("deprecation") // Aws4Signer, as the endpoint signs with it
    void withCredentialsEachCallIsSignedForLambda() throws Exception {
        List<HttpExchange> seen = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        lambda.removeContext("/2015-03-31/functions/");
        lambda.createContext("/2015-03-31/functions/", exchange -> {
            seen.add(exchange);
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        URI endpoint = URI.create("http://127.0.0.1:" + lambda.getAddress().getPort());
        AwsBasicCredentials credentials = AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG");
        TaskHandlers tasks = new TaskHandlers().remoteFunctions(
                new LambdaEndpoint(endpoint, credentials, "eu-west-1")::function);
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FUNCTION_ARN
                + "echo','End':true}}}", "{'a':1}", tasks);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result::cause);

        HttpExchange call = seen.get(0);
        String authorization = call.getRequestHeaders().getFirst("Authorization");
        String date = call.getRequestHeaders().getFirst("X-Amz-Date");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + date.substring(0, 8)
                + "/eu-west-1/lambda/aws4_request"), authorization);
        // The signature holds for the request as it arrived: signed again here, it comes out the same.
        SdkHttpFullRequest.Builder received = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + call.getRequestURI().toString()))
                .contentStreamProvider(() -> new ByteArrayInputStream(bodies.get(0).getBytes(StandardCharsets.UTF_8)));
        for (String name : List.of("Content-Type", "X-Amz-Invocation-Type", "Host")) {
            received.putHeader(name, call.getRequestHeaders().getFirst(name));
        }
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).parse(date,
                Instant::from);
        String expected = Aws4Signer.create().sign(received.build(), Aws4SignerParams.builder()
                .awsCredentials(credentials).signingName("lambda").signingRegion(Region.EU_WEST_1)
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC)).build())
                .firstMatchingHeader("Authorization").orElseThrow();
        assertEquals(expected, authorization);
    }

    @Test
    void aHandlerInTheProcessComesFirst() throws Exception {
        TaskHandlers tasks = remote().register("echo", request -> Json.NODES.textNode("in process"));
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FUNCTION_ARN
                + "echo','End':true}}}", "{}", tasks);
        assertEquals("in process", result.output().asText());
        assertTrue(calls.isEmpty(), "the endpoint was not called");
    }
}
