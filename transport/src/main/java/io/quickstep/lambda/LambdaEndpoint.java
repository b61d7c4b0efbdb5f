package io.quickstep.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import io.quickstep.task.TaskRequest;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Lambda functions behind an endpoint that speaks the Lambda Invoke API
 * ({@code POST /2015-03-31/functions/NAME/invocations[?Qualifier=Q]}, the request's payload as
 * the body, the function's answer as the response's). Made for {@link TaskHandlers#remoteFunctions}:
 * {@link #function} gives one function's handler, and the engine calls it as it calls a registered
 * function (for {@code lambda:invoke}, the Payload goes in and AWS's result shape comes out).
 *
 * <p>What Step Functions reports, as AWS does: a function's error ({@code X-Amz-Function-Error},
 * its payload {@code {"errorMessage", "errorType", ...}}) fails the task with the error type as the
 * error and the payload as the cause; an error of the Lambda service itself (a function that does
 * not exist, say: {@code X-Amzn-ErrorType}) fails it with {@code Lambda.<ErrorType>}; an endpoint that
 * cannot be reached, with {@code Lambda.SdkClientException}. Calls are asynchronous (the JDK's HTTP
 * client, its connections kept per host), so a shard never waits for one. With credentials, each
 * call is signed with AWS Signature Version 4 for the {@code lambda} service (the AWS SDK's signer).
 */
@SuppressWarnings("deprecation") // Aws4Signer, as http.SigV4Verifier uses it
public final class LambdaEndpoint {
    /** Headers the JDK's client sets itself and refuses from the caller; the signature covers them as sent. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Aws4Signer SIGNER = Aws4Signer.create();
    private final URI endpoint;
    private final HttpClient client;
    /** Null: calls go unsigned. */
    private final AwsCredentials credentials;
    private final String region;

    /** Functions served at {@code endpoint} ({@code http://127.0.0.1:3001}, say), called unsigned. */
    public LambdaEndpoint(URI endpoint) {
        this(endpoint, null, null);
    }

    /**
     * Functions served at {@code endpoint}, each call signed with {@code credentials} for
     * {@code region} (unsigned when credentials is null).
     */
    public LambdaEndpoint(URI endpoint, AwsCredentials credentials, String region) {
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the Lambda endpoint must be an http:// or https:// URL with a host, was "
                    + endpoint);
        }
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.region = region;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The handler of the function {@code NAME} or {@code NAME:QUALIFIER}. */
    public TaskHandler function(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        String name = colon < 0 ? qualifiedName : qualifiedName.substring(0, colon);
        String path = "/2015-03-31/functions/" + encode(name) + "/invocations"
                + (colon < 0 ? "" : "?Qualifier=" + encode(qualifiedName.substring(colon + 1)));
        URI uri = endpoint.resolve(path);
        return (AsyncTaskHandler) request -> invoke(uri, request);
    }

    private CompletionStage<JsonNode> invoke(URI uri, TaskRequest request) {
        JsonNode payload = request.input() == null ? Json.NODES.objectNode() : request.input();
        byte[] body = Json.writeBytes(payload);
        HttpRequest.Builder call = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers(uri, body).forEach((name, values) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> call.header(name, value));
            }
        });
        return client.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failed) -> {
                    if (failed != null) {
                        Throwable cause = failed instanceof CompletionException && failed.getCause() != null
                                ? failed.getCause() : failed;
                        throw new ExecutionFailure("Lambda.SdkClientException", "Unable to execute HTTP request: "
                                + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName())
                                + " (" + uri + ")");
                    }
                    return answer(response, request);
                });
    }

    /** The call's headers: the Invoke API's, and with credentials the signature's. */
    private Map<String, List<String>> headers(URI uri, byte[] body) {
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Amz-Invocation-Type", "RequestResponse")
                .contentStreamProvider(() -> new ByteArrayInputStream(body))
                .build();
        if (credentials == null) {
            return unsigned.headers();
        }
        return SIGNER.sign(unsigned, Aws4SignerParams.builder().awsCredentials(credentials)
                .signingName("lambda").signingRegion(Region.of(region)).build()).headers();
    }

    /** The function's answer, or the failure Step Functions reports for it. */
    private static JsonNode answer(HttpResponse<String> response, TaskRequest request) {
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            String type = response.headers().firstValue("X-Amzn-ErrorType").map(t -> t.split(":")[0])
                    .orElse("ServiceException");
            throw new ExecutionFailure("Lambda." + type, serviceMessage(body) + " (Service: AWSLambda; Status Code: "
                    + response.statusCode() + "; Error Code: " + type + "; Request ID: "
                    + response.headers().firstValue("X-Amzn-RequestId").orElse(UUID.randomUUID().toString())
                    + "; Proxy: null)");
        }
        JsonNode answer;
        try {
            answer = body.isBlank() ? Json.NODES.nullNode() : Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new ExecutionFailure("Lambda.SdkClientException", "the function's answer is not JSON: "
                    + e.getOriginalMessage());
        }
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            throw TaskHandlers.functionError(request, answer);
        }
        return answer;
    }

    /** The message of a Lambda service error's body ({@code {"Type": ..., "message": ...}}), else the body. */
    private static String serviceMessage(String body) {
        try {
            JsonNode error = Json.parse(body);
            JsonNode message = error.has("message") ? error.get("message") : error.get("Message");
            return message != null && message.isTextual() ? message.textValue() : body;
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
