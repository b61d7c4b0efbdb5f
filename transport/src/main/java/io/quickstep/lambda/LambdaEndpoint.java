package io.quickstep.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import io.quickstep.task.TaskRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * client, its connections kept per host), so a shard never waits for one.
 */
public final class LambdaEndpoint {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Lambda's Python runtime writes its error JSON with a space after each separator, as AWS passes it on. */
    private static final ObjectWriter SPACED = Json.MAPPER.writer(new DefaultPrettyPrinter(Separators
            .createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private final URI endpoint;
    private final HttpClient client;

    /** Functions served at {@code endpoint} ({@code http://127.0.0.1:3001}, say). */
    public LambdaEndpoint(URI endpoint) {
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the Lambda endpoint must be an http:// or https:// URL with a host, was "
                    + endpoint);
        }
        this.endpoint = endpoint;
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
        HttpRequest call = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(payload)))
                .build();
        return client.sendAsync(call, HttpResponse.BodyHandlers.ofString())
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
            throw functionError(answer, body, request);
        }
        return answer;
    }

    /**
     * A function's error: its type is the task's error, its payload the cause (compact for
     * {@code lambda:invoke}, with Lambda's spacing for a function ARN, as AWS records them).
     */
    private static ExecutionFailure functionError(JsonNode payload, String body, TaskRequest request) {
        JsonNode type = payload.get("errorType");
        String error = type != null && type.isTextual() ? type.textValue() : "Lambda.Unknown";
        String cause;
        try {
            cause = TaskHandlers.isFunctionArn(request.resource()) ? SPACED.writeValueAsString(payload) : Json.write(payload);
        } catch (IOException e) {
            cause = body;
        }
        return new ExecutionFailure(error, cause);
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
