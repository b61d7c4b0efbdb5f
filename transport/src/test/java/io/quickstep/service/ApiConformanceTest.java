package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.json.Json;
import io.quickstep.testing.ResultMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * AWS's recorded API behaviour ({@code src/test/resources/conformance/api}, see the corpus's
 * README, "API cases"): each case's calls, in order, through {@link StepFunctionsService#call}
 * on a fresh engine and service, compared with AWS's answers as {@code run.py} compares them.
 * Cases listed in {@code api-known-failures.txt} must fail; once one passes, its test fails until
 * the line is removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiConformanceTest {
    private static final int CASES = 69;
    private static final int MAX_KNOWN_FAILURES = 3;
    private static final long POLL_MILLIS = 10_000;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    /** The members AWS's model types as timestamps, which boto3 (and so the recording) shows as text. */
    private static final Set<String> TIMESTAMPS = Set.of("creationDate", "updateDate", "startDate", "stopDate",
            "timestamp", "redriveDate");

    private KnownApiFailures knownFailures;
    private List<JsonNode> cases;

    @BeforeAll
    void loadCorpus() throws Exception {
        Path root = Path.of(ApiConformanceTest.class.getResource("/conformance").toURI());
        knownFailures = KnownApiFailures.load(root.resolve("api-known-failures.txt"));
        cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("api"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.add(Json.parse(Files.readAllBytes(file)));
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyCase() {
        return cases.stream().map(c -> dynamicTest(c.get("id").asText(), () -> check(c))).toList();
    }

    @Test
    void corpusIsComplete() {
        assertEquals(CASES, cases.size(), "the API cases of the corpus");
    }

    @Test
    void knownFailuresNameCasesOfTheCorpusAndStayWithinTheBar() throws Exception {
        Set<String> ids = cases.stream().map(c -> c.get("id").asText()).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(knownFailures.ids());
        unknown.removeAll(ids);
        assertEquals(Set.of(), unknown, "api-known-failures.txt lists ids of no case");
        assertTrue(knownFailures.ids().size() <= MAX_KNOWN_FAILURES,
                "at least 95% of the API cases must pass: at most " + MAX_KNOWN_FAILURES + " known failures");
    }

    private void check(JsonNode apiCase) throws Exception {
        String id = apiCase.get("id").asText();
        String difference = run(apiCase);
        String reason = knownFailures.reason(id);
        if (reason == null && difference != null) {
            fail(id + ": " + difference);
        }
        if (reason != null && difference == null) {
            fail(id + ": now passes: remove it from api-known-failures (" + reason + ")");
        }
    }

    /** Runs the case's steps; the first difference from AWS's answers, or null. */
    private static String run(JsonNode apiCase) throws InterruptedException {
        Set<String> ignore = new HashSet<>();
        apiCase.path("ignore").forEach(path -> ignore.add(path.asText()));
        try (Engine engine = Engine.launch(new Engine.Context().shards(1));
             StepFunctionsService service = new StepFunctionsService(engine, new StepFunctionsService.Settings())) {
            Map<String, String> values = new HashMap<>();
            values.put("account", "123456789012");
            values.put("region", "us-east-1");
            JsonNode steps = apiCase.get("steps");
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                String op = step.get("op").asText();
                JsonNode request;
                try {
                    request = substitute(step.get("request"), values);
                } catch (IllegalStateException missing) {
                    return "step " + i + " " + op + ": " + missing.getMessage();
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
                    Thread.sleep(50);
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
                if (problem != null) {
                    return "step " + i + " " + op + ": " + problem;
                }
            }
            return null;
        }
    }

    /** An answer: the response body, or the error. */
    private record Answer(JsonNode response, AwsException error) {
    }

    private static Answer call(StepFunctionsService service, String op, JsonNode request) {
        try {
            return new Answer(service.call(op, request).toCompletableFuture().get(POLL_MILLIS, TimeUnit.MILLISECONDS), null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AwsException aws) {
                return new Answer(null, aws);
            }
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(op + " did not answer", e);
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
            return "expected " + expect.get("error").asText() + ", got a response " + answer.response();
        }
        if (!expect.get("error").asText().equals(answer.error().type())) {
            return "error: expected " + expect.get("error").asText() + ", got " + answer.error().type() + " ("
                    + answer.error().getMessage() + ")";
        }
        String message = expect.get("message").asText();
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
