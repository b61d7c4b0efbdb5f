package io.quickstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.metrics.StateMachineMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live view of {@code serve} over HTTP, as its page's script reads it: what it serves and to
 * whom, the figures of each state, and an execution's path and steps. {@code LiveViewBrowserTest}
 * runs the page itself in a browser.
 */
class LiveViewTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/ui:*";
    /** A task no handler answers (Lambda.ResourceNotFoundException), caught: an error of Charge each time. */
    private static final String CAUGHT = """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:nowhere",
                         "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover"}],
                         "End": true},
              "Recover": {"Type": "Pass", "Result": {"recovered": true}, "End": true}}}""";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final Serving.Started servers = new Serving.Started();

    private Serving serve(String... args) throws Exception {
        return servers.serve(args);
    }

    private HttpResponse<String> get(Serving serving, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serving.url(path)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(Serving serving, String path) throws Exception {
        HttpResponse<String> answer = get(serving, path);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.MAPPER.readTree(answer.body());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void withoutAuthenticationThePageItsScriptAndTheDiagramsAreServedForGetOnly() throws Exception {
        Serving serving = serve("--definitions", EXAMPLES.toString());
        HttpResponse<String> page = get(serving, "/ui");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'self'"));
        assertTrue(page.body().contains("<script src=\"/ui/live.js\" defer></script>"), page.body());
        for (String asset : new String[] {"/ui", "/ui/live.js", "/ui/live.css"}) {
            String body = get(serving, asset).body();
            assertFalse(body.contains("http://") || body.contains("https://") || body.contains("src=\"//"),
                    asset + " refers to something the server does not serve");
        }
        assertEquals("text/javascript; charset=utf-8",
                get(serving, "/ui/live.js").headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> diagram = get(serving, "/ui/api/diagram?machine=order");
        assertEquals("image/svg+xml; charset=utf-8", diagram.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(8, count(diagram.body(), "<g id=\"s"), "a node per state of order");
        assertEquals(8, count(diagram.body(), "class=\"live rate\""), "a line of figures on each");
        assertEquals(404, get(serving, "/ui/api/diagram?machine=nothing").statusCode());
        assertEquals(400, get(serving, "/ui/api/execution").statusCode());
        assertEquals(404, get(serving, "/ui/nothing").statusCode());

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(serving.url("/ui")))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, put.statusCode(), "read-only");
    }

    @Test
    void eachStateShowsItsEntriesErrorsAndTimesFromTheEngineWhateverTheMachinesLogging() throws Exception {
        // Every execution timed, so that three executions give each state its times.
        System.setProperty(StateMachineMetrics.STATE_LATENCY_SAMPLING_PROP, "1");
        Serving serving;
        try {
            serving = serve("--definitions", EXAMPLES.resolve("order").toString());
            try (SfnClient sfn = serving.client()) {
                String arn = create(sfn, "caught", CAUGHT, LogLevel.OFF, false);
                for (int i = 0; i < 3; i++) {
                    assertEquals(SyncExecutionStatus.SUCCEEDED, sfn.startSyncExecution(b -> b.stateMachineArn(arn)
                            .input("{\"n\": 1}")).status());
                }
            }
        } finally {
            System.clearProperty(StateMachineMetrics.STATE_LATENCY_SAMPLING_PROP);
        }
        JsonNode live = getJson(serving, "/ui/api/live");
        assertEquals(List.of("caught", "order"), names(live));
        JsonNode caught = live.path("machines").get(0);
        assertEquals("OFF", caught.path("logLevel").asText());
        assertEquals(1, caught.path("sampling").asInt());
        assertEquals(3, caught.path("started").asLong());
        assertEquals(3, caught.path("succeeded").asLong());
        assertEquals(3, caught.path("executions").size());
        assertEquals(3, caught.path("window").path("executions").asInt());
        JsonNode charge = caught.path("states").path("Charge");
        assertEquals(3, charge.path("entered").asLong());
        assertEquals(3, charge.path("errors").asInt(), "caught each time");
        assertEquals(3, charge.path("sampled").asInt());
        assertTrue(charge.has("p50Us") && charge.path("p99Us").asLong() >= charge.path("p50Us").asLong(), charge.toString());
        JsonNode recover = caught.path("states").path("Recover");
        assertEquals(3, recover.path("entered").asLong());
        assertEquals(0, recover.path("errors").asInt());
        assertEquals(3, recover.path("sampled").asInt());

        JsonNode order = live.path("machines").get(1);
        assertEquals(0, order.path("started").asLong());
        assertEquals(0, order.path("states").path("Charge").path("entered").asLong());
        assertEquals(0, order.path("states").path("Charge").path("errors").asLong());
        assertFalse(order.path("states").path("Charge").has("p50Us"), "no time before an execution is timed");
    }

    @Test
    void aChosenExecutionHasItsPathDrawnAndEachStatesInputAndOutputWhereTheLoggingKeepsData() throws Exception {
        Serving serving = serve();
        String withData;
        String withoutData;
        try (SfnClient sfn = serving.client()) {
            String kept = create(sfn, "kept", CAUGHT, LogLevel.ALL, true);
            String quiet = create(sfn, "quiet", CAUGHT, LogLevel.ALL, false);
            withData = sfn.startSyncExecution(b -> b.stateMachineArn(kept).input("{\"n\": 1}")).executionArn();
            withoutData = sfn.startSyncExecution(b -> b.stateMachineArn(quiet).input("{\"n\": 2}")).executionArn();
        }
        JsonNode execution = getJson(serving, "/ui/api/execution?arn=" + withData);
        assertEquals("SUCCEEDED", execution.path("status").asText());
        assertEquals("{\"n\": 1}", execution.path("input").asText());
        String svg = execution.path("svg").asText();
        assertTrue(svg.contains("class=\"state task status-caught\" data-state=\"Charge\""), svg);
        assertTrue(svg.contains("class=\"state pass status-succeeded\" data-state=\"Recover\""), svg);
        assertTrue(svg.contains("class=\"edge catch taken\""), svg);
        JsonNode steps = execution.path("steps");
        assertEquals(2, steps.size());
        assertEquals("Charge", steps.get(0).path("state").asText());
        assertEquals("Task", steps.get(0).path("type").asText());
        assertEquals("{\"n\":1}", steps.get(0).path("input").asText());
        assertEquals("Lambda.ResourceNotFoundException", steps.get(0).path("error").asText());
        assertEquals("Recover", steps.get(1).path("state").asText());
        assertEquals("{\"recovered\":true}", steps.get(1).path("output").asText());

        JsonNode quiet = getJson(serving, "/ui/api/execution?arn=" + withoutData);
        assertFalse(quiet.path("includesData").asBoolean());
        assertFalse(quiet.has("input"));
        assertEquals(2, quiet.path("steps").size());
        assertFalse(quiet.path("steps").get(0).has("input") || quiet.path("steps").get(1).has("output"),
                quiet.path("steps").toString());
        assertEquals(400, get(serving, "/ui/api/execution?arn=nonsense").statusCode());
    }

    @Test
    void withSigV4ThePagesNeedThePrintedTokenOrASignature() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIDSERVE\naws_secret_access_key = serve-secret\n");
        Serving serving = serve("--definitions", EXAMPLES.resolve("map").toString(), "--auth", "sigv4",
                "--credentials", credentials.toString());
        Matcher printed = Pattern.compile("the live view is on (http://127\\.0\\.0\\.1:\\d+)/ui\\?token=([0-9a-f]{32})\n")
                .matcher(serving.out.toString());
        assertTrue(printed.find(), serving.out.toString());
        String token = printed.group(2);

        HttpResponse<String> refused = get(serving, "/ui");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("AccessDeniedException") && refused.body().contains("/ui?token="),
                refused.body());
        assertEquals(403, get(serving, "/ui?token=" + "0".repeat(32)).statusCode());
        assertEquals(403, get(serving, "/ui/api/live", "Cookie", "quickstep-ui=" + "0".repeat(32)).statusCode());

        HttpResponse<String> opened = get(serving, "/ui?token=" + token);
        assertEquals(200, opened.statusCode());
        assertEquals("quickstep-ui=" + token + "; Path=/ui; HttpOnly; SameSite=Strict",
                opened.headers().firstValue("Set-Cookie").orElseThrow());
        HttpResponse<String> byCookie = get(serving, "/ui/api/live", "Cookie", "quickstep-ui=" + token);
        assertEquals(200, byCookie.statusCode(), byCookie.body());
        assertEquals(List.of("map"), names(Json.MAPPER.readTree(byCookie.body())));
        assertTrue(byCookie.headers().firstValue("Set-Cookie").isEmpty(), "set once, from the printed address");

        HttpResponse<String> signed = get(serving, "/ui/api/live", signedGet(serving, "/ui/api/live"));
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals(400, get(serving, "/metrics", "Cookie", "quickstep-ui=" + token).statusCode(),
                "the token opens the live view only");
    }

    @Test
    void noUiServesNothingThere() throws Exception {
        Serving serving = serve("--no-ui");
        assertEquals(404, get(serving, "/ui").statusCode());
        assertFalse(serving.out.toString().contains("live view"), serving.out.toString());
    }

    /** The headers of {@code GET path} signed as the SDKs sign, with the key of the test's credentials file. */
    @SuppressWarnings("deprecation") // the SDK's Aws4Signer, as a client of the server's own signer would use
    private static String[] signedGet(Serving serving, String path) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).protocol("http")
                .host("127.0.0.1").port(serving.address.getPort()).encodedPath(path).build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create("AKIDSERVE", "serve-secret")).signingName("states")
                .signingRegion(Region.US_EAST_1).build());
        List<String> headers = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host")) { // the client sends the same Host itself
                headers.add(header.getKey());
                headers.add(header.getValue().get(0));
            }
        }
        return headers.toArray(String[]::new);
    }

    private static String create(SfnClient sfn, String name, String definition, LogLevel level, boolean includeData) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).type(StateMachineType.EXPRESS)
                .roleArn("arn:aws:iam::123456789012:role/ui")
                .loggingConfiguration(l -> l.level(level).includeExecutionData(includeData)
                        .destinations(LogDestination.builder()
                                .cloudWatchLogsLogGroup(g -> g.logGroupArn(LOG_GROUP)).build())))
                .stateMachineArn();
    }

    private static List<String> names(JsonNode live) {
        List<String> names = new ArrayList<>();
        live.path("machines").forEach(machine -> names.add(machine.path("name").asText()));
        return names;
    }
}
