package io.quickstep.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;
import io.quickstep.testing.CaseFiles;
import io.quickstep.testing.CaseJudge;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.TestCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded cases whose Task states are Lambda functions, run with their functions reached over
 * the Lambda Invoke API: a fake endpoint answers each function from the case's mocks (a result as
 * the function's payload, a recorded function error as Lambda sends one), and every case must be
 * judged as it is when the mocks answer in process. A case is left out when its mocks cannot stand
 * for a function's answers: a Task that is not a Lambda function, a function named only at run time
 * or by more than one state, answers that depend on the order of concurrent calls, a timeout, or a
 * recorded result that is not an Invoke response.
 */
class LambdaEndpointCorpusTest {
    private static final Path CASES = Path.of("..", "core", "src", "test", "resources", "conformance", "cases");
    private static final String FUNCTION = ":function:";
    private static HttpServer lambda;
    /** The answers each function gives, in order: the running case's. */
    private static final Map<String, ArrayDeque<MockAnswer>> answers = new ConcurrentHashMap<>();
    /** Whether each function is called through lambda:invoke (its answer is the Payload) or by its ARN. */
    private static final Map<String, Boolean> invoked = new ConcurrentHashMap<>();

    @BeforeAll
    static void startFakeLambda() throws IOException {
        lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lambda.createContext("/2015-03-31/functions/", LambdaEndpointCorpusTest::answer);
        lambda.start();
    }

    @AfterAll
    static void stopFakeLambda() {
        lambda.stop(0);
    }

    @Test
    void casesWithLambdaMocksGiveTheSameVerdictThroughAnEndpoint() throws Exception {
        TaskHandlers remote = new TaskHandlers().remoteFunctions(
                new LambdaEndpoint(URI.create("http://127.0.0.1:" + lambda.getAddress().getPort()))::function);
        int run = 0;
        List<String> differ = new ArrayList<>();
        for (TestCase testCase : CaseFiles.load(List.of(CASES))) {
            if (!answersFunctions(testCase)) {
                continue;
            }
            run++;
            String inProcess = CaseJudge.ENGINE.judge(testCase, Clock.virtual());
            StateMachine machine = StateMachine.create(testCase.machineName(), testCase.definitionText());
            ExecutionResult result = machine.execute(testCase.input(), ExecutionOptions.defaults().tasks(remote)
                    .clock(Clock.virtual()).executionName(testCase.executionName()));
            String overHttp = CaseJudge.difference(testCase, result);
            if (!Objects.equals(inProcess == null, overHttp == null)) {
                differ.add(testCase.id() + ": in process " + (inProcess == null ? "passes" : inProcess)
                        + "; over the endpoint " + (overHttp == null ? "passes" : overHttp));
            }
        }
        System.out.println("LambdaEndpointCorpusTest: " + run + " recorded cases run through the endpoint");
        assertTrue(run >= 20, "only " + run + " cases could run through the endpoint");
        assertEquals(List.of(), differ, run + " cases run through the endpoint");
    }

    /**
     * Whether the case's mocks can be a fake Lambda's answers; if so they are loaded, keyed by the
     * function each mocked state calls.
     */
    private static boolean answersFunctions(TestCase testCase) {
        if (testCase.kind() != TestCase.Kind.EXECUTION || testCase.mocks().isEmpty() || testCase.definition() == null) {
            return false;
        }
        Map<String, String> functions = new HashMap<>();
        Map<String, Boolean> invokes = new HashMap<>();
        Map<String, Boolean> concurrent = new HashMap<>();
        if (!functionsOf(testCase.definition(), false, functions, invokes, concurrent)) {
            return false;
        }
        answers.clear();
        invoked.clear();
        for (Map.Entry<String, List<MockAnswer>> state : testCase.mocks().entrySet()) {
            String function = functions.get(state.getKey());
            List<MockAnswer> list = state.getValue();
            if (function == null || answers.containsKey(function)
                    || concurrent.get(state.getKey()) && list.stream().distinct().count() > 1) {
                return false;
            }
            for (MockAnswer answer : list) {
                if (answer instanceof MockAnswer.Timeout
                        || answer instanceof MockAnswer.Return r && invokes.get(state.getKey()) && !r.value().has("Payload")
                        || answer instanceof MockAnswer.Throw t && !functionError(t)) {
                    return false;
                }
            }
            answers.put(function, new ArrayDeque<>(list));
            invoked.put(function, invokes.get(state.getKey()));
        }
        return true;
    }

    /**
     * Finds each Task state's function (NAME, from a function ARN or a constant FunctionName), at
     * any depth; false when a Task names none that way.
     */
    private static boolean functionsOf(JsonNode machine, boolean inside, Map<String, String> functions,
                                       Map<String, Boolean> invokes, Map<String, Boolean> concurrent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            if (type.equals("Task")) {
                String resource = state.path("Resource").asText();
                boolean invoke = resource.endsWith(":states:::lambda:invoke");
                JsonNode parameters = state.has("Parameters") ? state.get("Parameters") : state.path("Arguments");
                String named = invoke ? parameters.path("FunctionName").asText(null) : resource;
                if (named == null || !named.contains(FUNCTION) && invoke && named.contains("{%")
                        || !invoke && !resource.contains(FUNCTION)) {
                    return false;
                }
                String name = named.contains(FUNCTION) ? named.substring(named.indexOf(FUNCTION) + FUNCTION.length()) : named;
                functions.put(entry.getKey(), name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
                invokes.put(entry.getKey(), invoke);
                concurrent.put(entry.getKey(), inside);
            }
            for (JsonNode branch : state.path("Branches")) {
                if (!functionsOf(branch, true, functions, invokes, concurrent)) {
                    return false;
                }
            }
            for (String processor : List.of("ItemProcessor", "Iterator")) {
                if (state.has(processor) && !functionsOf(state.get(processor), true, functions, invokes, concurrent)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a recorded failure is a function's error, as Lambda's runtime sends one. */
    private static boolean functionError(MockAnswer.Throw thrown) {
        try {
            return thrown.cause() != null && Json.parse(thrown.cause()).path("errorType").asText().equals(thrown.error());
        } catch (IOException notJson) {
            return false;
        }
    }

    /** A function's answer: the next recorded one, as Lambda's Invoke API sends it. */
    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String function = exchange.getRequestURI().getPath().split("/")[3];
        int colon = function.indexOf(':');
        function = colon < 0 ? function : function.substring(0, colon);
        ArrayDeque<MockAnswer> queue = answers.get(function);
        MockAnswer next;
        synchronized (answers) {
            next = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        String body;
        int status = 200;
        if (next instanceof MockAnswer.Return r) {
            body = Json.write(invoked.get(function) ? r.value().get("Payload") : r.value());
        } else if (next instanceof MockAnswer.Throw t) {
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            body = t.cause();
        } else {
            status = 404;
            exchange.getResponseHeaders().add("X-Amzn-ErrorType", "ResourceNotFoundException");
            body = "{\"Type\":\"User\",\"message\":\"Function not found: " + function + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
