package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI against the server, skipped when {@code aws} is not installed (CI installs it). On a
 * local endpoint it needs {@code AWS_DISABLE_HOST_PREFIX_INJECTION=true} for start-sync-execution
 * (else it sends to {@code sync-127.0.0.1}, a name that does not resolve) and any credentials.
 */
class AwsCliTest {
    private FakeApi api;
    private HttpIngress ingress;

    @BeforeEach
    void start() {
        api = new FakeApi();
        ingress = HttpIngress.start(IngressSettings.defaults().address("127.0.0.1", 0).eventLoops(1), api,
                IngressMetrics.requestsOnly());
    }

    @AfterEach
    void stop() {
        ingress.close();
        api.close();
    }

    @Test
    void startSyncExecutionAnswersTheCli() throws Exception {
        Process version = run(List.of("aws", "--version"));
        assumeTrue(version != null && version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0,
                "the AWS CLI (aws) is not installed");
        Process sync = run(List.of("aws", "stepfunctions", "start-sync-execution",
                "--endpoint-url", "http://127.0.0.1:" + ingress.address().getPort(),
                "--state-machine-arn", FakeApi.MACHINE_ARN, "--input", "{\"from\":\"cli\"}", "--output", "json"));
        assertTrue(sync.waitFor(120, TimeUnit.SECONDS));
        String out = new String(sync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sync.exitValue(), out + new String(sync.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        JsonNode answer = Json.MAPPER.readTree(out);
        assertEquals("SUCCEEDED", answer.path("status").asText());
        assertEquals("{\"from\":\"cli\"}", answer.path("output").asText());
    }

    /** Starts the command with fake credentials, or null when it cannot be started. */
    private static Process run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
        env.put("AWS_PAGER", "");
        try {
            return builder.start();
        } catch (IOException e) {
            return null;
        }
    }
}
