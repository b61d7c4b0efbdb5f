package io.quickstep.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.Diagnostic;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP Tasks run through the engine against a Netty server on loopback ({@link LoopbackApi}):
 * what is sent (method, headers, query, JSON and form bodies, the connection's parameters and
 * authorization), AWS's result shape, the errors Retry and Catch see, time limits, dead endpoints,
 * the allow-list, and many calls at once on pooled connections without holding the shard.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpTasksTest {
    private static final String CONNECTION = "arn:aws:events:us-east-1:123456789012:connection/";
    private static final String CONNECTIONS = "["
            + "{'Name': 'keyed', 'AuthorizationType': 'API_KEY', 'AuthParameters': {"
            + "  'ApiKeyAuthParameters': {'ApiKeyName': 'x-api-key', 'ApiKeyValue': 'key-s3cr3t'},"
            + "  'InvocationHttpParameters': {"
            + "    'HeaderParameters': [{'Key': 'x-team', 'Value': 'from-connection'}],"
            + "    'QueryStringParameters': [{'Key': 'tenant', 'Value': 'acme'}],"
            + "    'BodyParameters': [{'Key': 'source', 'Value': 'connection'}]}}},"
            + "{'Name': 'basic', 'AuthorizationType': 'BASIC', 'AuthParameters': {"
            + "  'BasicAuthParameters': {'Username': 'user', 'Password': 'pass-s3cr3t'}}},"
            + "{'Name': 'oauth', 'AuthorizationType': 'OAUTH_CLIENT_CREDENTIALS', 'AuthParameters': {"
            + "  'OAuthParameters': {'AuthorizationEndpoint': 'URL/oauth/token', 'HttpMethod': 'POST',"
            + "    'ClientParameters': {'ClientID': 'id', 'ClientSecret': 'secret'}}}},"
            + "{'Name': 'badoauth', 'AuthorizationType': 'OAUTH_CLIENT_CREDENTIALS', 'AuthParameters': {"
            + "  'OAuthParameters': {'AuthorizationEndpoint': 'URL/oauth/token', 'HttpMethod': 'POST',"
            + "    'ClientParameters': {'ClientID': 'id', 'ClientSecret': 'wrong-s3cr3t'}}}}]";

    private LoopbackApi api;
    private HttpTasks http;
    private Engine engine;

    @BeforeEach
    void start() {
        api = new LoopbackApi();
        http = new HttpTasks(new HttpTasks.Settings().maxConnectionsPerHost(8).connections(connections()));
        engine = Engine.launch(new Engine.Context().shards(1).tasks(http.registerOn(new TaskHandlers())));
    }

    private HttpConnections connections() {
        return HttpConnections.parse(CONNECTIONS.replace('\'', '"').replace("URL", "http://127.0.0.1:" + api.port()),
                "test");
    }

    @AfterEach
    void stop() {
        engine.close();
        http.close();
        api.close();
    }

    /** A one-Task machine calling with {@code parameters} (single quotes for double), plus state fields. */
    private static StateMachine machine(String parameters, String more) {
        return StateMachine.create("http", ("{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', "
                + "'Resource': 'arn:aws:states:::http:invoke', 'Parameters': " + parameters + more
                + ", 'End': true}}}").replace('\'', '"'));
    }

    private ExecutionResult run(StateMachine machine, String input) throws Exception {
        return engine.startSync(machine, Json.parse(input.replace('\'', '"'))).get(30, TimeUnit.SECONDS);
    }

    private ExecutionResult call(String parameters) throws Exception {
        return run(machine(parameters, ""), "{}");
    }

    private String endpoint(String path) {
        return "'ApiEndpoint': '" + api.url(path) + "'";
    }

    private static String auth(String connection) {
        return "'Authentication': {'ConnectionArn': '" + CONNECTION + connection + "/0d1e2f'}";
    }

    private static void assertSucceeded(ExecutionResult result) {
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), () -> result.error() + ": " + result.cause());
    }

    @Test
    void aGetSendsTheHeadersAndQueryAndGivesAwsResultShape() throws Exception {
        ExecutionResult result = call("{" + endpoint("/echo?pre=1") + ", 'Method': 'GET', " + auth("basic")
                + ", 'Headers': {'x-one': 1, 'x-list': ['a', 'b']},"
                + " 'QueryParameters': {'q': 'two words', 'n': 5, 'many': ['x', 'y']}}");
        assertSucceeded(result);
        JsonNode output = result.output();
        assertEquals(200, output.get("StatusCode").intValue());
        assertEquals("OK", output.get("StatusText").textValue());
        assertEquals(Json.parse("[\"application/json\"]"), output.get("Headers").get("content-type"));
        assertEquals(Json.parse("[\"one\", \"two\"]"), output.get("Headers").get("X-Multi"), "one name, two values");
        JsonNode echo = output.get("ResponseBody");
        assertEquals("GET", echo.get("method").textValue());
        LoopbackApi.Received got = api.received.get(0);
        assertEquals("/echo", got.path());
        assertEquals(Map.of("pre", List.of("1"), "q", List.of("two words"), "n", List.of("5"),
                "many", List.of("x", "y")), got.query());
        assertEquals("1", got.headers().get("x-one"));
        assertEquals("a, b", got.headers().get("x-list"));
        assertEquals("Amazon|StepFunctions|HttpInvoke|us-east-1", got.headers().get("user-agent"));
        assertEquals("bytes=0-262144", got.headers().get("range"));
        assertEquals(Connection.basicAuthorization("user", "pass-s3cr3t"), got.headers().get("authorization"));
        assertEquals("", got.body());
    }

    @Test
    void everyMethodAwsOffersIsSent() throws Exception {
        StateMachine machine = StateMachine.create("methods", ("{'StartAt': 'Each', 'States': {'Each': {'Type': 'Map',"
                + " 'ItemProcessor': {'StartAt': 'Call', 'States': {'Call': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:states:::http:invoke', 'Parameters': {" + endpoint("/echo") + ","
                + " 'Method.$': '$', " + auth("basic") + "}, 'ResultSelector': {'status.$': '$.StatusCode'},"
                + " 'End': true}}}, 'End': true}}}").replace('\'', '"'));
        ExecutionResult result = run(machine, "['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']");
        assertSucceeded(result);
        assertEquals(7, result.output().size());
        assertEquals(List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"),
                api.received.stream().map(LoopbackApi.Received::method).sorted().toList());
    }

    @Test
    void aJsonBodyGoesAsJsonAndAStringBodyAsItIs() throws Exception {
        assertSucceeded(call("{" + endpoint("/echo") + ", 'Method': 'POST', " + auth("basic")
                + ", 'RequestBody': {'a': 1, 'b': [true, null], 'c': {'d': 'e'}}}"));
        assertSucceeded(call("{" + endpoint("/echo") + ", 'Method': 'PUT', " + auth("basic")
                + ", 'Headers': {'Content-Type': 'text/plain'}, 'RequestBody': 'as it is'}"));
        LoopbackApi.Received json = api.received.get(0);
        assertEquals("application/json; charset=UTF-8", json.headers().get("content-type"));
        assertEquals(Json.parse("{\"a\": 1, \"b\": [true, null], \"c\": {\"d\": \"e\"}}"), Json.parse(json.body()));
        LoopbackApi.Received text = api.received.get(1);
        assertEquals("text/plain", text.headers().get("content-type"));
        assertEquals("as it is", text.body());
    }

    @Test
    void aUrlEncodedBodyIsAFormInTheArrayFormatAsked() throws Exception {
        ExecutionResult result = call("{" + endpoint("/echo") + ", 'Method': 'POST', " + auth("basic")
                + ", 'RequestBody': {'name': 'a b', 'tags': ['x', 'y'], 'nested': {'k': 1}},"
                + " 'Transform': {'RequestBodyEncoding': 'URL_ENCODED',"
                + "               'RequestEncodingOptions': {'ArrayFormat': 'BRACKETS'}}}");
        assertSucceeded(result);
        LoopbackApi.Received got = api.received.get(0);
        assertEquals("application/x-www-form-urlencoded", got.headers().get("content-type"));
        assertEquals("name=a+b&tags%5B%5D=x&tags%5B%5D=y&nested%5Bk%5D=1", got.body());
    }

    @Test
    void theConnectionsParametersAreMergedInAndWinOverTheDefinitions() throws Exception {
        ExecutionResult result = call("{" + endpoint("/echo") + ", 'Method': 'POST', " + auth("keyed")
                + ", 'Headers': {'x-team': 'from-definition', 'x-own': 'kept'},"
                + " 'QueryParameters': {'tenant': 'other', 'page': 2}, 'RequestBody': {'source': 'definition', 'n': 1}}");
        assertSucceeded(result);
        LoopbackApi.Received got = api.received.get(0);
        assertEquals("key-s3cr3t", got.headers().get("x-api-key"));
        assertEquals("from-connection", got.headers().get("x-team"));
        assertEquals("kept", got.headers().get("x-own"));
        assertEquals(Map.of("tenant", List.of("acme"), "page", List.of("2")), got.query());
        assertEquals(Json.parse("{\"source\": \"connection\", \"n\": 1}"), Json.parse(got.body()));
    }

    @Test
    void anOAuthConnectionGetsOneTokenForManyCallsAndANewOneWhenRefused() throws Exception {
        String bearer = "{" + endpoint("/bearer") + ", 'Method': 'GET', " + auth("oauth") + "}";
        assertSucceeded(call(bearer));
        assertSucceeded(call(bearer));
        assertEquals(1, api.tokensGranted());

        api.newGrantExpected(); // the API no longer takes the token held
        ExecutionResult refused = call(bearer);
        assertEquals("States.Http.StatusCode.401", refused.error(), refused::cause);
        assertSucceeded(call(bearer)); // asked for a new token after the 401
        assertEquals(3, api.tokensGranted());
        assertEquals(2, api.received.stream().filter(r -> r.path().equals("/oauth/token")).count());

        ExecutionResult denied = call("{" + endpoint("/bearer") + ", 'Method': 'GET', " + auth("badoauth") + "}");
        assertEquals(OAuthTokens.INVALID_CONNECTION, denied.error());
        assertTrue(denied.cause().contains("connection 'badoauth' could not authorize"), denied.cause());
        assertFalse(denied.cause().contains("s3cr3t"), denied.cause());
    }

    @Test
    void clientAndServerErrorsAreRetriedAndCaughtByTheirStatusCode() throws Exception {
        StateMachine machine = machine("{" + endpoint("/flaky/retried/2") + ", 'Method': 'GET', " + auth("basic") + "}",
                ", 'Retry': [{'ErrorEquals': ['States.Http.StatusCode.503'], 'IntervalSeconds': 1, 'MaxAttempts': 2,"
                        + " 'BackoffRate': 1}]");
        ExecutionResult retried = run(machine, "{}");
        assertSucceeded(retried);
        assertEquals(Json.parse("{\"attempt\": 3}"), retried.output().get("ResponseBody"));

        StateMachine caught = StateMachine.create("caught", ("{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:states:::http:invoke', 'Parameters': {" + endpoint("/status/404")
                + ", 'Method': 'GET', " + auth("basic") + "}, 'Catch': [{'ErrorEquals': ['States.Http.StatusCode.404'],"
                + " 'ResultPath': '$.failure', 'Next': 'Handled'}], 'End': true},"
                + " 'Handled': {'Type': 'Pass', 'End': true}}}").replace('\'', '"'));
        ExecutionResult handled = run(caught, "{}");
        assertSucceeded(handled);
        JsonNode failure = handled.output().get("failure");
        assertEquals("States.Http.StatusCode.404", failure.get("Error").textValue());
        JsonNode cause = Json.parse(failure.get("Cause").textValue());
        assertEquals(404, cause.get("StatusCode").intValue());
        assertEquals("Not Found", cause.get("StatusText").textValue());
        assertEquals(Json.parse("{\"error\": \"status 404\"}"), cause.get("ResponseBody"));

        ExecutionResult failed = call("{" + endpoint("/status/500") + ", 'Method': 'GET', " + auth("basic") + "}");
        assertEquals(ExecutionStatus.FAILED, failed.status());
        assertEquals("States.Http.StatusCode.500", failed.error());
    }

    @Test
    void aSlowEndpointTimesOutAtTimeoutSecondsAndItsConnectionIsClosed() throws Exception {
        CompletableFuture<ExecutionResult> run = engine.startSync(machine("{" + endpoint("/held") + ", 'Method': 'GET', "
                + auth("basic") + "}", ", 'TimeoutSeconds': 2"), Json.parse("{}"));
        while (api.heldCount() < 1) { // the call reached the server, which holds it
            Thread.sleep(5);
        }
        ExecutionResult result = run.get(30, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Timeout", result.error());
        while (api.closedConnections.get() < 1) { // the abandoned call's connection, closed by the client
            Thread.sleep(10);
        }
        assertEquals(1, api.connections.get());
    }

    @Test
    void anAnswerThatDoesNotComeWithinTheLimitFailsWithSocket() throws Exception {
        try (HttpTasks limited = new HttpTasks(new HttpTasks.Settings().answerLimit(java.time.Duration.ofSeconds(2))
                .connections(connections()));
             Engine own = Engine.launch(new Engine.Context().shards(1).tasks(limited.registerOn(new TaskHandlers())))) {
            ExecutionResult result = own.startSync(machine("{" + endpoint("/held") + ", 'Method': 'GET', "
                    + auth("basic") + "}", ""), Json.parse("{}")).get(30, TimeUnit.SECONDS);
            assertEquals("States.Http.Socket", result.error());
            assertEquals("The HTTP request to http://127.0.0.1:" + api.port() + " failed: no answer within 2 seconds",
                    result.cause());
        }
    }

    @Test
    void callsBeyondThoseThatMayWaitForAConnectionFailWithSocket() throws Exception {
        try (HttpTasks narrow = new HttpTasks(new HttpTasks.Settings().maxConnectionsPerHost(1).maxWaitingPerHost(1)
                .connections(connections()));
             Engine own = Engine.launch(new Engine.Context().shards(1).tasks(narrow.registerOn(new TaskHandlers())))) {
            StateMachine held = machine("{" + endpoint("/held") + ", 'Method': 'GET', " + auth("basic") + "}", "");
            CompletableFuture<ExecutionResult> first = own.startSync(held, Json.parse("{}"));
            while (api.heldCount() < 1) {
                Thread.sleep(5);
            }
            CompletableFuture<ExecutionResult> second = own.startSync(held, Json.parse("{}")); // waits for the connection
            ExecutionResult third = own.startSync(held, Json.parse("{}")).get(30, TimeUnit.SECONDS);
            assertEquals("States.Http.Socket", third.error());
            assertTrue(third.cause().endsWith("failed: too many calls wait for a connection to this host "
                    + "(HttpTasks.Settings.maxWaitingPerHost)"), third.cause());
            api.releaseHeld();
            assertSucceeded(first.get(30, TimeUnit.SECONDS));
            assertSucceeded(second.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aDeadEndpointFailsWithSocketNamingTheHost() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ExecutionResult result = call("{'ApiEndpoint': 'http://127.0.0.1:" + port + "/x?key=hidden', 'Method': 'GET', "
                + auth("basic") + "}");
        assertEquals("States.Http.Socket", result.error(), result::cause);
        assertTrue(result.cause().startsWith("The HTTP request to http://127.0.0.1:" + port + " failed: "),
                result.cause());
        assertFalse(result.cause().contains("hidden"), result.cause());
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedNamingItAndTheFlag() throws Exception {
        ExecutionResult result = call("{'ApiEndpoint': 'https://api.example.com/v1', 'Method': 'GET', "
                + auth("basic") + "}");
        assertEquals("States.Permissions", result.error());
        assertTrue(result.cause().startsWith("The server may not call api.example.com (state 'Call')"), result.cause());
        assertTrue(result.cause().contains("serve --http-allow api.example.com"), result.cause());
    }

    @Test
    void anUnknownConnectionFailsNamingItWithoutSecrets() throws Exception {
        ExecutionResult result = call("{" + endpoint("/echo") + ", 'Method': 'GET', " + auth("missing") + "}");
        assertEquals(HttpTasks.UNKNOWN_CONNECTION, result.error());
        assertTrue(result.cause().startsWith("No connection named 'missing'"), result.cause());
        assertTrue(result.cause().endsWith("the server knows [badoauth, basic, keyed, oauth]"), result.cause());
        assertFalse(result.cause().contains("s3cr3t"), result.cause());
        assertTrue(api.received.isEmpty());
    }

    @Test
    void parametersThatMakeNoRequestFailWithAwsWords() throws Exception {
        ExecutionResult noMethod = call("{" + endpoint("/echo") + ", " + auth("basic") + "}");
        assertEquals("States.Runtime", noMethod.error());
        assertTrue(noMethod.cause().startsWith("An error occurred while executing the state 'Call' (entered at the "
                + "event id #2). The Parameters '{\"ApiEndpoint\":"), noMethod.cause());
        assertTrue(noMethod.cause().endsWith("could not be used to start the Task: [The field 'Method' is required "
                + "but was missing]"), noMethod.cause());
        ExecutionResult refusedHeader = call("{" + endpoint("/echo") + ", 'Method': 'GET', " + auth("basic")
                + ", 'Headers': {'Host': 'elsewhere'}}");
        assertTrue(refusedHeader.cause().endsWith("[The header 'Host' is not supported in an HTTP Task's Headers]"),
                refusedHeader.cause());
        ExecutionResult injected = call("{" + endpoint("/echo") + ", 'Method': 'GET', " + auth("basic")
                + ", 'Headers': {'x-one': 'a\\r\\nx-injected: 1'}}");
        assertTrue(injected.cause().endsWith("[The header 'x-one' is not a valid HTTP header name and value]"),
                injected.cause());
        ExecutionResult badFormat = call("{" + endpoint("/echo") + ", 'Method': 'GET', " + auth("basic")
                + ", 'Transform': {'RequestBodyEncoding': 'URL_ENCODED', 'RequestEncodingOptions': {'ArrayFormat': 'X'}}}");
        assertTrue(badFormat.cause().endsWith("[The value for the field 'ArrayFormat' must be INDICES, REPEAT, "
                + "COMMAS or BRACKETS]"), badFormat.cause());
        assertTrue(api.received.isEmpty());
    }

    @Test
    void textBinaryAndOversizedAnswers() throws Exception {
        ExecutionResult text = call("{" + endpoint("/text") + ", 'Method': 'GET', " + auth("basic") + "}");
        assertSucceeded(text);
        assertEquals("plain words", text.output().get("ResponseBody").textValue());
        ExecutionResult binary = call("{" + endpoint("/binary") + ", 'Method': 'GET', " + auth("basic") + "}");
        assertEquals("States.TaskFailed", binary.error());
        ExecutionResult big = call("{" + endpoint("/big") + ", 'Method': 'GET', " + auth("basic") + "}");
        assertEquals("States.DataLimitExceeded", big.error(), big::cause);
    }

    @Test
    void manyCallsAtOnceShareTheHostsPooledConnections() throws Exception {
        StateMachine machine = machine("{" + endpoint("/slow/20") + ", 'Method': 'GET', " + auth("basic") + "}", "");
        List<CompletableFuture<ExecutionResult>> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            runs.add(engine.startSync(machine, Json.parse("{}")));
        }
        for (CompletableFuture<ExecutionResult> run : runs) {
            assertSucceeded(run.get(30, TimeUnit.SECONDS));
        }
        assertEquals(200, api.received.size());
        assertTrue(api.connections.get() <= 8, "at most maxConnectionsPerHost connections: " + api.connections);
        assertEquals(0, api.closedConnections.get(), "kept alive between calls");
    }

    @Test
    void theShardRunsOtherExecutionsWhileCallsAreOutstanding() throws Exception {
        StateMachine held = machine("{" + endpoint("/held") + ", 'Method': 'GET', " + auth("basic") + "}", "");
        List<CompletableFuture<ExecutionResult>> outstanding = new ArrayList<>();
        for (int i = 0; i < 500; i++) { // 8 held by the server (the pool's connections), the rest waiting for one
            outstanding.add(engine.startSync(held, Json.parse("{}")));
        }
        while (api.heldCount() < 8) {
            Thread.sleep(5);
        }
        StateMachine pass = StateMachine.create("pass", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
                + " \"End\": true}}}");
        for (int i = 0; i < 1000; i++) { // on the same, only shard
            assertSucceeded(engine.startSync(pass, Json.parse("{\"i\": " + i + "}")).get(10, TimeUnit.SECONDS));
        }
        assertTrue(outstanding.stream().noneMatch(CompletableFuture::isDone), "the calls are still outstanding");
        api.releaseHeld();
        for (CompletableFuture<ExecutionResult> run : outstanding) {
            ExecutionResult result = run.get(30, TimeUnit.SECONDS);
            assertSucceeded(result);
            assertEquals(Json.parse("{\"held\": true}"), result.output().get("ResponseBody"));
        }
    }

    @Test
    void expressMachinesTakeHttpInvokeButNoOtherPattern() {
        String definition = "{\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", \"Resource\": "
                + "\"arn:aws:states:::http:invoke%s\", \"Parameters\": {}, \"End\": true}}}";
        assertEquals(List.of(), StateMachine.validate(definition.formatted(""), "EXPRESS"));
        List<Diagnostic> token = StateMachine.validate(definition.formatted(".waitForTaskToken"), "EXPRESS");
        assertFalse(token.isEmpty());
        List<Diagnostic> sync = StateMachine.validate(definition.formatted(".sync"), "STANDARD");
        assertFalse(sync.isEmpty(), "http:invoke offers no .sync");
    }
}
