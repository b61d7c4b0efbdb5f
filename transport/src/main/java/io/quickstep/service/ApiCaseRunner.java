package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.testing.ResultMatcher;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an API case of the conformance corpus (kind {@code api}: a recorded sequence of Step
 * Functions calls with AWS's answers; format in the corpus README, "API cases") on a fresh engine
 * and service of its own, through {@link StepFunctionsService#call}, and compares each answer with
 * AWS's as the corpus's {@code run.py} does: {@code ${name}} references filled from earlier
 * answers' captures, poll steps repeated until they match (10 s at most), answers put in the
 * recording's form (timestamps as text, JSON object text parsed) and compared under the corpus's
 * placeholder rules, errors by code and message.
 */
public final class ApiCaseRunner {
    private static final long POLL_MILLIS = 10_000;
    private static final long PAUSE_MILLIS = 50;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    /** The members AWS's model types as timestamps, which boto3 (and so the recording) shows as text. */
    private static final Set<String> TIMESTAMPS = Set.of("creationDate", "updateDate", "startDate", "stopDate",
            "timestamp", "redriveDate");

    private ApiCaseRunner() {
    }

    /**
     * Runs the case's steps in order on an engine and service of its own.
     *
     * @return the first difference from AWS's answers ({@code step <i> <op>: <difference>}), or null
     */
    public static String run(JsonNode apiCase) throws InterruptedException {
        Set<String> ignore = new HashSet<>();
        apiCase.path("ignore").forEach(path -> ignore.add(path.asText()));
        try (Engine engine = Engine.launch(new Engine.Context().shards(1));
             StepFunctionsService service = new StepFunctionsService(engine,
                     new StepFunctionsService.Settings().expressCallbacks(false))) { // AWS's answers
            Map<String, String> values = new HashMap<>();
            values.put("account", "123456789012");
            values.put("region", "us-east-1");
            JsonNode steps = apiCase.path("steps");
            for (int i = 0; i < steps.size(); i++) {
                String problem = runStep(service, steps.get(i), i, values, ignore);
                if (problem != null) {
                    return "step " + i + " " + steps.get(i).path("op").asText() + ": " + problem;
                }
            }
            return null;
        }
    }

    /** One step: its call (repeated while a poll step does not match yet), captures, comparison. */
    private static String runStep(StepFunctionsService service, JsonNode step, int i, Map<String, String> values,
                                  Set<String> ignore) throws InterruptedException {
        String op = step.path("op").asText();
        JsonNode request;
        try {
            request = substitute(step.path("request"), values);
        } catch (IllegalStateException missing) {
            return missing.getMessage();
        }
        long deadline = System.currentTimeMillis() + POLL_MILLIS;
        Answer answer;
        String problem;
        while (true) {
            answer = call(service, op, request);
            problem = compare(step, answer, i, ignore);
            if (problem == null || !step.path("poll").asBoolean() || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        JsonNode response = answer.response();
        if (response != null) {
            step.path("capture").fields().forEachRemaining(capture -> {
                JsonNode value = response.at(pointer(capture.getValue().asText()));
                if (value.isTextual()) {
                    values.put(capture.getKey(), value.textValue());
                }
            });
        }
        return problem;
    }

    /** An answer: the response body, or the error. */
    private record Answer(JsonNode response, AwsException error) {
    }

    private static Answer call(StepFunctionsService service, String op, JsonNode request) throws InterruptedException {
        try {
            return new Answer(StreamedAnswer.tree(service.call(op, request).toCompletableFuture()
                    .get(POLL_MILLIS, TimeUnit.MILLISECONDS)), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AwsException aws) {
                return new Answer(null, aws);
            }
            throw new IllegalStateException(op + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(op + " did not answer within " + POLL_MILLIS + " ms", e);
        }
    }

    /** As run.py's compare_step: null when the answer fits the step's expectation (or it has none). */
    private static String compare(JsonNode step, Answer answer, int i, Set<String> ignore) {
        JsonNode expect = step.get("expect");
        if (expect == null) {
            return null;
        }
        String root = "$.steps[" + i + "].expect";
        if (expect.has("response")) {
            if (answer.error() != null) {
                return "expected a response, got " + answer.error().type() + ": " + answer.error().getMessage();
            }
            return ResultMatcher.diff(expect.get("response"), snapshotForm(answer.response()), root + ".response", ignore);
        }
        if (answer.error() == null) {
            return "expected " + expect.path("error").asText() + ", got a response " + answer.response();
        }
        if (!expect.path("error").asText().equals(answer.error().type())) {
            return "error: expected " + expect.path("error").asText() + ", got " + answer.error().type() + " ("
                    + answer.error().getMessage() + ")";
        }
        String message = expect.path("message").asText();
        if (!ignore.contains(root + ".message") && !ResultMatcher.textMatches(message, answer.error().getMessage())) {
            return root + ".message: expected " + message + ", got " + answer.error().getMessage();
        }
        return null;
    }

    /**
     * An answer in the recording's form: timestamps as text, and strings that hold a JSON object
     * (text starting with {@code {}) parsed.
     */
    static JsonNode snapshotForm(JsonNode value) {
        if (value.isObject()) {
            ObjectNode form = Json.NODES.objectNode();
            value.fields().forEachRemaining(field -> form.set(field.getKey(),
                    TIMESTAMPS.contains(field.getKey()) && field.getValue().isNumber()
                            ? Json.NODES.textNode(Instant.ofEpochMilli(Dates.millis(field.getValue())).toString())
                            : snapshotForm(field.getValue())));
            return form;
        }
        if (value.isArray()) {
            ArrayNode form = Json.NODES.arrayNode();
            value.forEach(item -> form.add(snapshotForm(item)));
            return form;
        }
        if (value.isTextual() && value.textValue().startsWith("{")) {
            try {
                return snapshotForm(Json.parse(value.textValue()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                return value;
            }
        }
        return value;
    }

    /** The request with each {@code ${name}} replaced by the value captured under that name. */
    private static JsonNode substitute(JsonNode value, Map<String, String> values) {
        if (value.isObject()) {
            ObjectNode copy = Json.NODES.objectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), substitute(field.getValue(), values)));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = Json.NODES.arrayNode();
            value.forEach(item -> copy.add(substitute(item, values)));
            return copy;
        }
        if (value.isTextual()) {
            Matcher m = REFERENCE.matcher(value.textValue());
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                String replacement = values.get(m.group(1));
                if (replacement == null) {
                    throw new IllegalStateException("no value for ${" + m.group(1) + "} (its step failed)");
                }
                m.appendReplacement(text, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(text);
            return Json.NODES.textNode(text.toString());
        }
        return value;
    }

    /** A simple JSONPath ({@code $.a.b[0]}) as a JSON Pointer. */
    private static String pointer(String path) {
        return path.substring(1).replaceAll("\\.([^.\\[]+)", "/$1").replaceAll("\\[(\\d+)]", "/$1");
    }
}
