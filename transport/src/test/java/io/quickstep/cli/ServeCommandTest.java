package io.quickstep.cli;

import com.sun.net.httpserver.HttpServer;
import io.quickstep.http.SfnClients;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quickstep serve} run in this process on an ephemeral loopback port and called with the AWS
 * SDK for Java v2, as a user runs it; the test stops it in place of SIGTERM. One test runs the real
 * command in a process of its own and stops it with SIGTERM.
 */
class ServeCommandTest {
    /** Surefire runs in the module's folder; the examples lie at the repository root. */
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String ACCOUNT_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:";
    private static final String TASK = "{\"StartAt\": \"Greet\", \"States\": {\"Greet\": {\"Type\": \"Task\", "
            + "\"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:%s\", \"End\": true}}}";

    @TempDir
    Path dir;
    @RegisterExtension
    final Serving.Started servers = new Serving.Started();

    private Serving serve(String... args) throws Exception {
        return servers.serve(args);
    }

    private static StartSyncExecutionResponse startSync(SfnClient sfn, String machine, String input) {
        return sfn.startSyncExecution(b -> b.stateMachineArn(ACCOUNT_ARN + machine).input(input));
    }

    @Test
    void servesEveryExampleThatHasAnInputFileAndSaysWhereAndWhat() throws Exception {
        Serving serving = serve("--definitions", EXAMPLES.toString());
        String[] startLines = serving.out.toString().split("\n");
        assertTrue(startLines[0].startsWith("quickstep: serving the Step Functions API on http://127.0.0.1:"
                + serving.address.getPort() + " ("), startLines[0]);
        assertTrue(startLines[0].endsWith("no authentication); state machines: map, order, parallel"), startLines[0]);
        assertEquals("quickstep: the live view is on http://127.0.0.1:" + serving.address.getPort() + "/ui",
                startLines[1]);

        List<Path> inputs;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            inputs = files.filter(f -> f.getFileName().toString().endsWith("-input.json")).sorted().toList();
        }
        assertEquals(3, inputs.size(), inputs.toString());
        try (SfnClient sfn = serving.client()) {
            for (Path input : inputs) {
                String name = input.getFileName().toString().replace("-input.json", "");
                StartSyncExecutionResponse answer = startSync(sfn, name, Files.readString(input));
                assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), name + ": " + answer.error() + ": "
                        + answer.cause());
            }
        }
        assertEquals(0, serving.stop());
    }

    @Test
    void aStateMachineCreatedThroughTheApiIsBackAfterARestartOnTheSameDataDir() throws Exception {
        Path data = dir.resolve("data");
        Serving first = serve("--data-dir", data.toString());
        String arn;
        try (SfnClient sfn = first.client()) {
            arn = sfn.createStateMachine(b -> b.name("kept").type("EXPRESS")
                    .roleArn("arn:aws:iam::123456789012:role/quickstep")
                    .definition("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}"))
                    .stateMachineArn();
        }
        assertEquals(0, first.stop());

        Serving second = serve("--data-dir", data.toString());
        try (SfnClient sfn = second.client()) {
            assertEquals("kept", sfn.describeStateMachine(b -> b.stateMachineArn(arn)).name());
            StartSyncExecutionResponse answer = startSync(sfn, "kept", "{\"back\": true}");
            assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
            assertEquals(Json.read("{\"back\": true}"), Json.read(answer.output()));
        }
    }

    @Test
    void handlersFromAJarAnswerTaskStatesAndATaskWithoutOneFailsSayingSo() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("handlers"));
        handlerJar(jars.resolve("greeter.jar"));
        Path definitions = Files.createDirectories(dir.resolve("definitions"));
        Files.writeString(definitions.resolve("greet.asl.json"), TASK.formatted("greet"));
        Files.writeString(definitions.resolve("unhandled.asl.json"), TASK.formatted("nobody"));

        Serving serving = serve("--definitions", definitions.toString(), "--handlers", jars.toString());
        try (SfnClient sfn = serving.client()) {
            StartSyncExecutionResponse greeted = startSync(sfn, "greet", "{\"name\": \"jar\"}");
            assertEquals(SyncExecutionStatus.SUCCEEDED, greeted.status(), greeted.error() + ": " + greeted.cause());
            assertEquals(Json.read("{\"greeting\": \"hello jar\"}"), Json.read(greeted.output()));

            StartSyncExecutionResponse unhandled = startSync(sfn, "unhandled", "{}");
            assertEquals(SyncExecutionStatus.FAILED, unhandled.status());
            assertEquals("Lambda.ResourceNotFoundException", unhandled.error()); // as AWS for a missing function
            assertTrue(unhandled.cause().startsWith("Function not found: "
                    + "arn:aws:lambda:us-east-1:123456789012:function:nobody:$LATEST"), unhandled.cause());
        }
    }

    @Test
    void aMocksFileAnswersTaskStates() throws Exception {
        Path definitions = Files.createDirectories(dir.resolve("definitions"));
        Files.writeString(definitions.resolve("greet.asl.json"), TASK.formatted("greet"));
        Path mocks = Files.writeString(dir.resolve("greet.mocks.json"),
                "{\"Greet\": [{\"return\": {\"greeting\": \"from the mocks\"}}]}");

        Serving serving = serve("--definitions", definitions.toString(), "--mocks", mocks.toString(), "--shards", "1");
        try (SfnClient sfn = serving.client()) {
            for (int execution = 0; execution < 2; execution++) { // fresh answers for each execution
                StartSyncExecutionResponse answer = startSync(sfn, "greet", "{}");
                assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
                assertEquals(Json.read("{\"greeting\": \"from the mocks\"}"), Json.read(answer.output()));
            }
        }
    }

    @Test
    void functionsWithoutAHandlerGoToTheLambdaEndpoint() throws Exception {
        HttpServer lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lambda.createContext("/2015-03-31/functions/greet/invocations", exchange -> {
            byte[] answer = "{\"greeting\": \"from the endpoint\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        lambda.start();
        try {
            Path definitions = Files.createDirectories(dir.resolve("definitions"));
            Files.writeString(definitions.resolve("greet.asl.json"), TASK.formatted("greet"));
            Serving serving = serve("--definitions", definitions.toString(), "--lambda-endpoint",
                    "http://127.0.0.1:" + lambda.getAddress().getPort());
            try (SfnClient sfn = serving.client()) {
                StartSyncExecutionResponse answer = startSync(sfn, "greet", "{}");
                assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
                assertEquals(Json.read("{\"greeting\": \"from the endpoint\"}"), Json.read(answer.output()));
            }
        } finally {
            lambda.stop(0);
        }
    }

    @Test
    void httpTasksCallTheApiWithTheConnectionsCredentialsOnlyOnAllowedHosts() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        api.createContext("/hello", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("x-api-key"));
            byte[] answer = "{\"hello\": \"from the API\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        api.start();
        try {
            String call = "{\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", \"Resource\": "
                    + "\"arn:aws:states:::http:invoke\", \"Parameters\": {\"ApiEndpoint\": \"%s\", \"Method\": \"GET\", "
                    + "\"Authentication\": {\"ConnectionArn\": \"arn:aws:events:us-east-1:123456789012:connection/local/1\"}},"
                    + " \"OutputPath\": \"$.ResponseBody\", \"End\": true}}}";
            Path definitions = Files.createDirectories(dir.resolve("definitions"));
            Files.writeString(definitions.resolve("hello.asl.json"),
                    call.formatted("http://127.0.0.1:" + api.getAddress().getPort() + "/hello"));
            Files.writeString(definitions.resolve("elsewhere.asl.json"), call.formatted("https://denied.example.com/"));
            Path connections = Files.writeString(dir.resolve("connections.json"), "[{\"Name\": \"local\", "
                    + "\"AuthorizationType\": \"API_KEY\", \"AuthParameters\": {\"ApiKeyAuthParameters\": "
                    + "{\"ApiKeyName\": \"x-api-key\", \"ApiKeyValue\": \"serve-key\"}}}]");
            Serving serving = serve("--definitions", definitions.toString(), "--http-connections",
                    connections.toString(), "--http-allow", "allowed.example.com,*.other.example.com:8443");
            try (SfnClient sfn = serving.client()) {
                StartSyncExecutionResponse hello = startSync(sfn, "hello", "{}");
                assertEquals(SyncExecutionStatus.SUCCEEDED, hello.status(), hello.error() + ": " + hello.cause());
                assertEquals(Json.read("{\"hello\": \"from the API\"}"), Json.read(hello.output()));
                assertEquals(List.of("serve-key"), keys);

                StartSyncExecutionResponse refused = startSync(sfn, "elsewhere", "{}");
                assertEquals("States.Permissions", refused.error());
                assertTrue(refused.cause().contains("serve --http-allow denied.example.com"), refused.cause());
            }
        } finally {
            api.stop(0);
        }
    }

    @Test
    void aBadHttpAllowEntryOrConnectionsFileIsAnInputError() throws Exception {
        StringWriter err = new StringWriter();
        int exit = QuickstepCli.commandLine().setErr(new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--http-allow", "ok.example.com,not a host");
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, exit);
        assertTrue(err.toString().contains("--http-allow: 'not a host' is no host"), err.toString());

        Path connections = Files.writeString(dir.resolve("connections.json"), "[{\"Name\": \"x\"}]");
        StringWriter err2 = new StringWriter();
        exit = QuickstepCli.commandLine().setErr(new PrintWriter(err2, true))
                .execute("serve", "--port", "0", "--http-connections", connections.toString());
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, exit);
        assertTrue(err2.toString().contains("--http-connections: " + connections + ": /0/AuthorizationType: required"),
                err2.toString());
    }

    @Test
    void withSigV4OnlyRequestsSignedWithAKeyOfTheCredentialsFileAreServed() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIDSERVE\naws_secret_access_key = serve-secret\n");
        Serving serving = serve("--definitions", EXAMPLES.resolve("map").toString(), "--auth", "sigv4",
                "--credentials", credentials.toString());
        assertTrue(serving.out.toString().contains("SigV4 with the keys of " + credentials), serving.out.toString());
        try (SfnClient sfn = SfnClients.local(serving.address, AwsBasicCredentials.create("AKIDSERVE", "serve-secret"))) {
            assertEquals(SyncExecutionStatus.SUCCEEDED,
                    startSync(sfn, "map", Files.readString(EXAMPLES.resolve("map/map-input.json"))).status());
        }
    }

    @Test
    void theDefinitionsMachinesLogAtTheFlagsLevelIntoTheLogDirAndMetricsCountThem() throws Exception {
        Path logs = dir.resolve("logs");
        Serving serving = serve("--definitions", EXAMPLES.resolve("map").toString(), "--log-level", "ALL",
                "--log-include-data", "--log-dir", logs.toString(), "--log-text-threads", "1");
        String executionArn;
        try (SfnClient sfn = serving.client()) {
            StartSyncExecutionResponse answer = startSync(sfn, "map", Files.readString(EXAMPLES.resolve("map/map-input.json")));
            assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status());
            executionArn = answer.executionArn();
            assertEquals("ALL", sfn.describeStateMachine(b -> b.stateMachineArn(ACCOUNT_ARN + "map"))
                    .loggingConfiguration().levelAsString());
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + serving.address.getPort() + "/metrics");
        String scraped = "";
        for (int tries = 0; tries < 100 && !scraped.contains("quickstep_log_records_shipped_total 1.0"); tries++) {
            Thread.sleep(20); // the shipper's batch
            scraped = http.send(java.net.http.HttpRequest.newBuilder(metrics).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }
        assertTrue(scraped.contains("quickstep_log_records_shipped_total 1.0")
                && scraped.contains("quickstep_log_records_dropped_total 0.0"), scraped);
        assertEquals(0, serving.stop()); // shutdown flushes the logs
        List<String> lines;
        try (Stream<Path> files = Files.walk(logs)) {
            lines = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        assertTrue(lines.size() > 4 && lines.stream().allMatch(l -> l.contains(executionArn)), lines.toString());
        assertTrue(lines.get(0).contains("\"input\":"), lines.get(0));
    }

    @Test
    void aLogSinkFromAHandlersJarGetsTheRecords() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("sinks"));
        Path written = dir.resolve("sink.out");
        System.setProperty("fixture.sink.file", written.toString());
        serviceJar(jars.resolve("sink.jar"), "FileSink", "io.quickstep.log.LogSink", """
                package fixture;

                public final class FileSink implements io.quickstep.log.LogSink {
                    @Override
                    public void write(io.quickstep.log.ExecutionLog log) throws java.io.IOException {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("fixture.sink.file")),
                                log.stateMachineName() + " " + log.executionArn() + "\\n",
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    }
                }
                """);
        Serving serving = serve("--definitions", EXAMPLES.resolve("map").toString(), "--handlers", jars.toString(),
                "--log-level", "FATAL");
        String executionArn;
        try (SfnClient sfn = serving.client()) {
            executionArn = startSync(sfn, "map", Files.readString(EXAMPLES.resolve("map/map-input.json"))).executionArn();
        }
        assertEquals(0, serving.stop());
        assertEquals("map " + executionArn + "\n", Files.readString(written));
    }

    @Test
    void theRegionNamesTheArnsAndPricesTheCostOnMetrics() throws Exception {
        Serving serving = serve("--definitions", EXAMPLES.resolve("map").toString(), "--region", "us-west-2");
        String input = Files.readString(EXAMPLES.resolve("map/map-input.json"));
        try (SfnClient sfn = serving.client()) {
            StartSyncExecutionResponse answer = sfn.startSyncExecution(b -> b.stateMachineArn(
                    "arn:aws:states:us-west-2:123456789012:stateMachine:map").input(input));
            assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status());
            assertTrue(answer.executionArn().startsWith("arn:aws:states:us-west-2:123456789012:express:map:"),
                    answer.executionArn());
            String otherRegion = assertThrows(software.amazon.awssdk.services.sfn.model.InvalidArnException.class,
                    () -> startSync(sfn, "map", "{}")).getMessage();
            assertTrue(otherRegion.contains("this endpoint serves region us-west-2"), otherRegion);
        }
        String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + serving.address.getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(scraped.contains("in US dollars at the list prices of us-west-2 as of"), scraped);
        assertTrue(scraped.contains("quickstep_estimated_aws_cost_dollars{state_machine=\"map\",workflow_type=\"express\"}"),
                scraped);
    }

    @Test
    void aRegionThePriceTableLacksIsBadInputNamingThoseItHolds() {
        String err = badInput("--region", "eu-west-1");
        assertTrue(err.startsWith("quickstep: --region: no list prices for region 'eu-west-1' (the table holds "
                + "us-east-1, us-east-2, us-west-2)"), err);
    }

    @Test
    void aLogLevelWithoutWhereTheLogsGoIsAnOptionError() {
        String err = badInput("--log-level", "ERROR");
        assertTrue(err.startsWith("--log-level ERROR needs --log-dir DIR, --log-stdout or a log sink"), err);
    }

    @Test
    void logTextThreadsOutOfRangeIsAnOptionError() {
        String err = badInput("--log-text-threads", "-1");
        assertTrue(err.startsWith("--log-text-threads takes 0 to 64, was -1"), err);
    }

    @Test
    void sigV4WithoutACredentialsFileIsAnOptionError() {
        String err = badInput("--auth", "sigv4");
        assertTrue(err.startsWith("--auth sigv4 needs --credentials FILE"), err);
    }

    /** Runs {@code serve --port 0 ARGS}, which must refuse them as bad input; returns what it said on stderr. */
    private static String badInput(String... args) {
        StringWriter err = new StringWriter();
        List<String> line = new ArrayList<>(List.of("serve", "--port", "0"));
        line.addAll(List.of(args));
        assertEquals(QuickstepCli.EXIT_BAD_INPUT, QuickstepCli.commandLine().setErr(new PrintWriter(err, true))
                .execute(line.toArray(String[]::new)), err.toString());
        return err.toString();
    }

    /**
     * The command as a process of its own (the test's classpath, the CLI's main class): SIGTERM while
     * an execution is in flight lets it finish and answer, then the process exits 0.
     */
    @Test
    void sigtermLetsTheExecutionInFlightAnswerThenExitsZero() throws Exception {
        Path definitions = Files.createDirectories(dir.resolve("definitions"));
        Files.writeString(definitions.resolve("wait.asl.json"),
                "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 2, \"End\": true}}}");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QuickstepCli.class.getName(), "serve", "--port", "0", "--event-loops", "1",
                "--definitions", definitions.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String startLine = out.readLine();
            assertNotNull(startLine, "the server ended before it served");
            int port = Integer.parseInt(startLine.replaceFirst(".*http://127\\.0\\.0\\.1:(\\d+) .*", "$1"));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            try (SfnClient sfn = SfnClients.local(address, SfnClients.ANY)) {
                CompletableFuture<StartSyncExecutionResponse> inFlight =
                        CompletableFuture.supplyAsync(() -> startSync(sfn, "wait", "{\"kept\": 1}"));
                awaitStarted(port, "wait");
                server.destroy(); // SIGTERM
                StartSyncExecutionResponse answer = inFlight.get();
                assertEquals(SyncExecutionStatus.SUCCEEDED, answer.status(), answer.error() + ": " + answer.cause());
                assertEquals(Json.read("{\"kept\": 1}"), Json.read(answer.output()));
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not end after SIGTERM");
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }

    /** Waits until the server's metrics count an execution of the machine as started. */
    private static void awaitStarted(int port, String machine) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        String started = "quickstep_executions_started_total{state_machine=\"" + machine + "\"} 1";
        while (!http.send(metrics, HttpResponse.BodyHandlers.ofString()).body().contains(started)) {
            Thread.sleep(10);
        }
    }

    /**
     * A handler jar as a user makes one: a {@code TaskHandlerProvider} compiled against quickstep-core
     * and its service file (the provider's Javadoc shows the same).
     */
    private void handlerJar(Path jar) throws IOException {
        serviceJar(jar, "Greeter", "io.quickstep.task.TaskHandlerProvider", """
                package fixture;

                public final class Greeter implements io.quickstep.task.TaskHandlerProvider {
                    @Override
                    public void register(io.quickstep.task.TaskHandlers handlers) {
                        handlers.register("greet", request -> io.quickstep.json.Json.NODES.objectNode()
                                .put("greeting", "hello " + request.input().path("name").asText()));
                    }
                }
                """);
    }

    /** A jar of one class {@code fixture.NAME}, compiled from {@code code}, listed as a {@code service}. */
    private void serviceJar(Path jar, String name, String service, String code) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/fixture"));
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        Path source = Files.writeString(sources.resolve(name + ".java"), code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "this JVM has no Java compiler (a JRE, not a JDK)");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics,
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + service));
            out.write(("fixture." + name + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
