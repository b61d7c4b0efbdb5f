package io.quickstep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code serve --auth sigv4}: requests signed by real clients (the AWS SDK for Java v2, the AWS CLI)
 * with a key of the credentials file are served; wrong, missing, stale or misscoped signatures get
 * AWS's errors, and {@code /health} needs none.
 */
class SigV4AuthTest {
    private static final String KEY = "AKIDQUICKSTEP";
    private static final String SECRET = "right-secret";
    private static final String SESSION_KEY = "ASIAQUICKSTEP";
    private static final String SESSION_SECRET = "session-secret";
    private static final String TOKEN = "the-session-token";
    private static final String SYNC_INPUT = "{\"signed\":true}";

    @TempDir
    static Path dir;
    private static AccessKeys keys;
    private static FakeApi api;
    private static HttpIngress ingress;

    @BeforeAll
    static void start() throws IOException {
        Path credentials = Files.writeString(dir.resolve("credentials"), "[default]\n"
                + "aws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n\n"
                + "[session]\naws_access_key_id = " + SESSION_KEY + "\naws_secret_access_key = " + SESSION_SECRET
                + "\naws_session_token = " + TOKEN + "\n\n[no-key]\nregion = us-east-1\n");
        keys = AccessKeys.read(credentials);
        api = new FakeApi();
        ingress = serve(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        ingress.close();
        api.close();
    }

    private static HttpIngress serve(Clock clock) {
        return HttpIngress.start(IngressSettings.defaults().address("127.0.0.1", 0).eventLoops(1)
                .sigV4(new SigV4Verifier(keys, "us-east-1", clock)), api, IngressMetrics.requestsOnly());
    }

    @Test
    void readsEveryProfileWithAKeyOfTheCredentialsFile() {
        assertEquals(2, keys.size());
    }

    @Test
    void theSdkWithAKeyOfTheFileIsServed() {
        try (SfnClient sfn = SfnClients.local(ingress.address(), AwsBasicCredentials.create(KEY, SECRET))) {
            assertEquals(SyncExecutionStatus.SUCCEEDED, startSync(sfn).status());
            // An error of the API itself comes through: the request was let in.
            assertThrows(StateMachineDoesNotExistException.class,
                    () -> sfn.describeStateMachine(b -> b.stateMachineArn(FakeApi.MACHINE_ARN)));
        }
    }

    @Test
    void aKeyWithASessionTokenIsServedOnlyWithThatToken() {
        try (SfnClient sfn = SfnClients.local(ingress.address(),
                AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, TOKEN))) {
            assertEquals(SyncExecutionStatus.SUCCEEDED, startSync(sfn).status());
        }
        assertRefused(AwsSessionCredentials.create(SESSION_KEY, SESSION_SECRET, "another-token"),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
        assertRefused(AwsBasicCredentials.create(SESSION_KEY, SESSION_SECRET),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        assertRefused(AwsBasicCredentials.create(KEY, "wrong-secret"), "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                        + "Secret Access Key and signing method. Consult the service documentation for details.");
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() {
        assertRefused(AwsBasicCredentials.create("AKIDNOBODY", SECRET), "UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    @Test
    void aSignatureForAnotherRegionIsInvalid() {
        SfnException refused = assertThrows(SfnException.class, () -> {
            try (SfnClient sfn = SfnClients.local(ingress.address(), AwsBasicCredentials.create(KEY, SECRET), Region.EU_WEST_1)) {
                startSync(sfn);
            }
        });
        assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
        assertTrue(refused.awsErrorDetails().errorMessage().startsWith(
                "Credential should be scoped to a valid region, not 'eu-west-1'."), refused.getMessage());
    }

    @Test
    void aSignatureMoreThanFiveMinutesOffIsRefused() {
        for (Duration skew : new Duration[] {Duration.ofMinutes(6), Duration.ofMinutes(-6)}) {
            HttpIngress skewed = serve(Clock.offset(Clock.systemUTC(), skew));
            try (SfnClient sfn = SfnClients.local(skewed.address(), AwsBasicCredentials.create(KEY, SECRET))) {
                SfnException refused = assertThrows(SfnException.class, () -> startSync(sfn));
                assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
                String expected = skew.isNegative() ? "Signature not yet current: " : "Signature expired: ";
                assertTrue(refused.awsErrorDetails().errorMessage().startsWith(expected), refused.getMessage());
            } finally {
                skewed.close();
            }
        }
    }

    @Test
    void aBodyChangedAfterSigningIsAnInvalidSignature() throws IOException {
        String body = "{\"stateMachineArn\":\"" + FakeApi.MACHINE_ARN + "\",\"input\":\"{}\"}";
        String headers = signedHeaders(body);
        try (RawHttp http = new RawHttp(ingress.address())) {
            assertEquals(200, http.send(headers + body).read().status());
            RawHttp.Answer changed = http.send(headers + body.replace("{}", "[]")).read(); // same length
            assertEquals(400, changed.status());
            assertEquals("InvalidSignatureException", Json.MAPPER.readTree(changed.body()).path("__type").asText());
        }
    }

    /** The head of a StartSyncExecution request with {@code body}, signed as the SDKs sign it. */
    @SuppressWarnings("deprecation") // the SDK's Aws4Signer, as a client of the server's own signer would use
    private static String signedHeaders(String body) {
        String host = "127.0.0.1:" + ingress.address().getPort();
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("http")
                .host("127.0.0.1").port(ingress.address().getPort()).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AWSStepFunctions.StartSyncExecution")
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(body)).build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(KEY, SECRET)).signingName("states")
                .signingRegion(Region.US_EAST_1).build());
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        signed.forEachHeader((name, values) -> head.append(name).append(": ").append(values.get(0)).append("\r\n"));
        assertEquals(host, signed.firstMatchingHeader("Host").orElseThrow());
        return head.append("Content-Length: ").append(body.length()).append("\r\n\r\n").toString();
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() throws IOException {
        try (RawHttp http = new RawHttp(ingress.address())) {
            RawHttp.Answer answer = http.send(RawHttp.apiRequest("AWSStepFunctions.StartSyncExecution",
                    "{\"stateMachineArn\":\"" + FakeApi.MACHINE_ARN + "\"}")).read();
            assertEquals(400, answer.status());
            JsonNode error = Json.MAPPER.readTree(answer.body());
            assertEquals("MissingAuthenticationTokenException", error.path("__type").asText());
            assertEquals("Request is missing Authentication Token", error.path("message").asText());
        }
    }

    @Test
    void aMalformedAuthorizationHeaderIsAnIncompleteSignature() throws IOException {
        String body = "{}";
        try (RawHttp http = new RawHttp(ingress.address())) {
            RawHttp.Answer answer = http.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Amz-Target: AWSStepFunctions.ListStateMachines\r\nX-Amz-Date: 20240101T000000Z\r\n"
                    + "Authorization: AWS4-HMAC-SHA256 Credential=" + KEY + "/20240101/us-east-1/states/aws4_request\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).read();
            assertEquals(400, answer.status());
            JsonNode error = Json.MAPPER.readTree(answer.body());
            assertEquals("IncompleteSignatureException", error.path("__type").asText());
            assertTrue(error.path("message").asText().startsWith("Authorization header requires 'Signature' parameter. "
                    + "Authorization header requires 'SignedHeaders' parameter."), error.toString());
        }
    }

    @Test
    void healthNeedsNoSignatureAndMetricsDo() throws IOException {
        try (RawHttp http = new RawHttp(ingress.address())) {
            assertEquals(200, http.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read().status());
            RawHttp.Answer metrics = http.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read();
            assertEquals(400, metrics.status());
            assertEquals("MissingAuthenticationTokenException",
                    Json.MAPPER.readTree(metrics.body()).path("__type").asText());
        }
    }

    @Test
    void theAwsCliWithAKeyOfTheFileIsServedAndWithAWrongSecretRefused() throws Exception {
        assumeTrue(AwsCli.installed(), "the AWS CLI (aws) is not installed");
        int port = ingress.address().getPort();
        AwsCli.Outcome signed = AwsCli.stepfunctions(port, KEY, SECRET, "start-sync-execution",
                "--state-machine-arn", FakeApi.MACHINE_ARN, "--input", SYNC_INPUT);
        assertEquals(0, signed.exit(), signed.toString());
        assertEquals("SUCCEEDED", Json.MAPPER.readTree(signed.out()).path("status").asText());

        AwsCli.Outcome wrong = AwsCli.stepfunctions(port, KEY, "wrong-secret", "start-sync-execution",
                "--state-machine-arn", FakeApi.MACHINE_ARN, "--input", SYNC_INPUT);
        assertTrue(wrong.exit() != 0, wrong.toString()); // 255 from CLI v1, 254 from v2
        assertTrue(wrong.err().contains("(InvalidSignatureException)"), wrong.err());
    }

    private static StartSyncExecutionResponse startSync(SfnClient sfn) {
        return sfn.startSyncExecution(b -> b.stateMachineArn(FakeApi.MACHINE_ARN).input(SYNC_INPUT));
    }

    private static void assertRefused(AwsCredentials credentials, String errorCode, String message) {
        SfnException refused = assertThrows(SfnException.class, () -> {
            try (SfnClient sfn = SfnClients.local(ingress.address(), credentials)) {
                startSync(sfn);
            }
        });
        assertEquals(400, refused.statusCode());
        assertEquals(errorCode, refused.awsErrorDetails().errorCode());
        assertEquals(message, refused.awsErrorDetails().errorMessage());
    }
}
