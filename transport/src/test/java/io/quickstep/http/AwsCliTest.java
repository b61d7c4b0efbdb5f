package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI against the server, skipped when {@code aws} is not installed (CI installs it). On a
 * local endpoint it needs {@code AWS_DISABLE_HOST_PREFIX_INJECTION=true} for start-sync-execution
 * (else it sends to {@code sync-127.0.0.1}, a name that does not resolve) and any credentials.
 */
class AwsCliTest {
    @AutoClose
    private final FakeServer server = new FakeServer();

    @Test
    void startSyncExecutionAnswersTheCli() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI (aws) is not installed");
        AwsCli.Outcome sync = AwsCli.stepfunctions(server.address().getPort(), "AKIDTEST", "secret",
                "start-sync-execution", "--state-machine-arn", FakeApi.MACHINE_ARN, "--input", "{\"from\":\"cli\"}");
        assertEquals(0, sync.exit(), sync.toString());
        JsonNode answer = Json.MAPPER.readTree(sync.out());
        assertEquals("SUCCEEDED", answer.path("status").asText());
        assertEquals("{\"from\":\"cli\"}", answer.path("output").asText());
    }
}
