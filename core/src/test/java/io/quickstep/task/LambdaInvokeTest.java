package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lambda functions' handlers called as AWS calls the function (issue 9): through
 * {@code arn:aws:states:::lambda:invoke} the handler gets the Payload and the workflow the Invoke
 * response; through the function's ARN, the effective input and the bare result; a handler's
 * exception gives the cause Lambda writes for a function's error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LambdaInvokeTest {
    private static final String INVOKE = "arn:aws:states:::lambda:invoke";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Path RECORDED = Path.of("src/test/resources/conformance/cases");

    /** A machine whose one Task state calls {@code resource} with {@code parameters}, then ends. */
    private static StateMachine task(String resource, String parameters) {
        String params = parameters == null ? "" : "'Parameters':" + parameters + ",";
        return machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + resource + "'," + params
                + "'End':true}}}");
    }

    private static StateMachine machine(String definition) {
        try {
            return StateMachine.create("lambda", definition.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ExecutionResult run(StateMachine machine, String input, TaskHandler tasks) {
        return machine.execute(input.replace('\'', '"'), ExecutionOptions.defaults().tasks(tasks));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text.replace('\'', '"'));
    }

    private static ExecutionResult succeeded(ExecutionResult result) {
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.toString());
        return result;
    }

    @Test
    void aWorkflowReadsTheHandlersResultAtPayloadAndTheHandlerGetsOnlyThePayload() throws Exception {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        TaskHandlers tasks = new TaskHandlers().register("work", request -> {
            seen.set(request.input());
            return json("{'x':" + (request.input().get("n").intValue() + 1) + "}");
        });
        StateMachine machine = machine("{'StartAt':'T','States':{"
                + "'T':{'Type':'Task','Resource':'" + INVOKE + "','Parameters':{'FunctionName':'work',"
                + "'Payload':{'n.$':'$.n'}},'ResultSelector':{'x.$':'$.Payload.x'},'Next':'P'},"
                + "'P':{'Type':'Pass','Parameters':{'got.$':'$.x'},'End':true}}}");
        ExecutionResult result = succeeded(run(machine, "{'n':41}", tasks));
        assertEquals(json("{'got':42}"), result.output());
        assertEquals(json("{'n':41}"), seen.get(), "the handler gets the Payload, not the parameters");
    }

    @Test
    void theTaskResultIsTheInvokeResponseShapedAsAwsRecordsIt() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", request -> json("{'ok':true,'name':'é'}"));
        JsonNode response = succeeded(run(task(INVOKE, "{'FunctionName':'work','Payload':{}}"), "{}", tasks)).output();

        // The same members, in the same order, of the same types as the recorded response of AWS.
        JsonNode recorded = Json.parse(Files.readString(RECORDED.resolve("services/test_invoke.0.json")))
                .at("/mocks/Start/0/return");
        assertSameShape(recorded, response, "");

        assertEquals(json("{'ok':true,'name':'é'}"), response.get("Payload"));
        assertEquals("$LATEST", response.get("ExecutedVersion").textValue());
        assertEquals(200, response.get("StatusCode").intValue());
        JsonNode http = response.get("SdkHttpMetadata");
        assertEquals(200, http.get("HttpStatusCode").intValue());
        JsonNode headers = http.get("HttpHeaders");
        String requestId = response.at("/SdkResponseMetadata/RequestId").textValue();
        assertTrue(UUID.matcher(requestId).matches(), requestId);
        assertEquals(requestId, headers.get("x-amzn-RequestId").textValue());
        assertEquals("application/json", headers.get("Content-Type").textValue());
        assertEquals("keep-alive", headers.get("Connection").textValue());
        assertEquals("$LATEST", headers.get("X-Amz-Executed-Version").textValue());
        assertEquals("0", headers.get("x-amzn-Remapped-Content-Length").textValue());
        assertEquals(Integer.toString(Json.writeBytes(response.get("Payload")).length),
                headers.get("Content-Length").textValue());
        ZonedDateTime.parse(headers.get("Date").textValue(), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(headers.get("X-Amzn-Trace-Id").textValue().matches("root=1-[0-9a-f]{8}-[0-9a-f]{24};sampled=0"),
                headers.get("X-Amzn-Trace-Id").textValue());
        Iterator<String> names = headers.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            assertEquals(json("[" + Json.write(headers.get(name)) + "]"), http.get("AllHttpHeaders").get(name), name);
        }
        JsonNode again = succeeded(run(task(INVOKE, "{'FunctionName':'work','Payload':{}}"), "{}", tasks)).output();
        assertNotEquals(requestId, again.at("/SdkResponseMetadata/RequestId").textValue(), "a request id per call");
    }

    /** Same member names in the same order with values of the same JSON types, below Payload too. */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String at) {
        if (at.equals("/Payload")) {
            return; // the function's own
        }
        if (expected.isTextual() && expected.textValue().matches("<[^>]+>")) {
            assertTrue(actual.isTextual() || actual.isArray(), at); // a placeholder stood for the value
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), at);
        if (expected.isObject()) {
            List<String> want = new ArrayList<>();
            expected.fieldNames().forEachRemaining(want::add);
            List<String> got = new ArrayList<>();
            actual.fieldNames().forEachRemaining(got::add);
            assertEquals(want, got, at);
            for (String name : want) {
                assertSameShape(expected.get(name), actual.get(name), at + "/" + name);
            }
        }
    }

    @Test
    void anAbsentOrNullPayloadGivesTheHandlerAnEmptyObjectAndAStringItsJson() throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        TaskHandlers tasks = new TaskHandlers().register("work", request -> {
            seen.add(request.input());
            return request.input();
        });
        for (String payload : new String[] {"", ",'Payload':null", ",'Payload':'\\\"HelloWorld\\\"'",
                ",'Payload':'true'", ",'Payload':'[1,2]'", ",'Payload':3"}) {
            succeeded(run(task(INVOKE, "{'FunctionName':'work'" + payload + "}"), "{}", tasks));
        }
        assertEquals(List.of(json("{}"), json("{}"), json("'HelloWorld'"), json("true"), json("[1,2]"), json("3")), seen);

        ExecutionResult notJson = run(task(INVOKE, "{'FunctionName':'work','Payload':'hello'}"), "{}", tasks);
        assertEquals(ExecutionStatus.FAILED, notJson.status());
        assertEquals("Lambda.InvalidRequestContentException", notJson.error());
        assertTrue(notJson.cause().startsWith("Could not parse request body into json"), notJson.cause());
        assertEquals(6, seen.size(), "Lambda refuses the request: the function is not called");
    }

    @Test
    void executedVersionFollowsTheQualifierOrTheFunctionNamesSuffix() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", request -> json("1"));
        String[][] cases = {
                {"{'FunctionName':'work'}", "$LATEST"},
                {"{'FunctionName':'work:prod'}", "prod"},
                {"{'FunctionName':'" + FUNCTION_ARN + "work:7'}", "7"},
                {"{'FunctionName':'123456789012:function:work:beta'}", "beta"},
                {"{'FunctionName':'" + FUNCTION_ARN + "work','Qualifier':'live'}", "live"},
                {"{'FunctionName':'work','Qualifier':'$LATEST'}", "$LATEST"},
        };
        for (String[] c : cases) {
            JsonNode response = succeeded(run(task(INVOKE, c[0]), "{}", tasks)).output();
            assertEquals(c[1], response.get("ExecutedVersion").textValue(), c[0]);
            assertEquals(c[1], response.at("/SdkHttpMetadata/HttpHeaders/X-Amz-Executed-Version").textValue(), c[0]);
            assertEquals(json("1"), response.get("Payload"), c[0]);
        }
    }

    @Test
    void aFunctionArnResourceGivesTheEffectiveInputAndTakesTheBareResult() throws Exception {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        TaskHandlers tasks = new TaskHandlers().register("work", request -> {
            seen.set(request.input());
            return json("{'x':1}");
        });
        for (String resource : new String[] {FUNCTION_ARN + "work", FUNCTION_ARN + "work:prod"}) {
            ExecutionResult result = succeeded(run(task(resource, "{'Payload':{'a.$':'$.a'},'b':2}"), "{'a':1}", tasks));
            assertEquals(json("{'x':1}"), result.output(), resource);
            assertEquals(json("{'Payload':{'a':1},'b':2}"), seen.get(), resource);
        }
    }

    @Test
    void aHandlerForTheIntegrationItselfAnswersForFunctionsWithoutOne() throws Exception {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        TaskHandlers tasks = new TaskHandlers()
                .register("work", request -> json("'function'"))
                .register(INVOKE, request -> {
                    seen.set(request.input());
                    return json("{'whole':true}");
                });
        assertEquals(json("{'whole':true}"),
                succeeded(run(task(INVOKE, "{'FunctionName':'other','Payload':1}"), "{}", tasks)).output());
        assertEquals(json("{'FunctionName':'other','Payload':1}"), seen.get());
        assertEquals(json("'function'"),
                succeeded(run(task(INVOKE, "{'FunctionName':'work'}"), "{}", tasks)).output().get("Payload"));
    }

    @Test
    void asynchronousAndBlockingHandlersAreAdaptedAndKeepTheirKind() throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        AsyncTaskHandler async = request -> {
            synchronized (seen) {
                seen.add(request.input());
            }
            return CompletableFuture.supplyAsync(() -> Json.NODES.textNode("async"));
        };
        AsyncTaskHandler answered = request -> CompletableFuture.completedFuture(Json.NODES.textNode("answered"));
        TaskHandler blocking = request -> {
            synchronized (seen) {
                seen.add(request.input());
            }
            Thread.sleep(10);
            return Json.NODES.textNode("blocking");
        };
        TaskHandlers tasks = new TaskHandlers().register("async", async).register("answered", answered)
                .registerBlocking("blocking", blocking);
        TaskRequest asyncCall = new TaskRequest("T", INVOKE, json("{'FunctionName':'async'}"), null);
        TaskRequest blockingCall = new TaskRequest("T", INVOKE, json("{'FunctionName':'blocking'}"), null);
        assertInstanceOf(AsyncTaskHandler.class, tasks.resolve(asyncCall));
        assertInstanceOf(BlockingTaskHandler.class, tasks.resolve(blockingCall));
        assertSame(tasks.resolve(asyncCall), tasks.resolve(asyncCall), "adapted once per function");
        assertTrue(TaskHandlers.describe(tasks.resolve(blockingCall)).startsWith("a lambda in " + getClass().getName()),
                TaskHandlers.describe(tasks.resolve(blockingCall)));

        for (String function : new String[] {"async", "answered", "blocking"}) {
            JsonNode response = succeeded(run(task(INVOKE, "{'FunctionName':'" + function + "','Payload':{'p':1}}"),
                    "{}", tasks)).output();
            assertEquals(Json.NODES.textNode(function), response.get("Payload"), function);
            assertEquals(200, response.get("StatusCode").intValue(), function);
        }
        assertEquals(List.of(json("{'p':1}"), json("{'p':1}")), seen);
    }

    @Test
    void anAsynchronousCallPastItsLimitHasTheHandlersFutureCancelled() throws Exception {
        CompletableFuture<JsonNode> never = new CompletableFuture<>();
        TaskHandlers tasks = new TaskHandlers().register("slow", (AsyncTaskHandler) request -> never);
        StateMachine machine = machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + INVOKE + "',"
                + "'TimeoutSeconds':1,'Parameters':{'FunctionName':'slow'},'End':true}}}");
        ExecutionResult result = run(machine, "{}", tasks);
        assertEquals("States.Timeout", result.error(), result.toString());
        assertTrue(never.isCancelled(), "the handler's own future is cancelled");
    }

    static final class ChargeDeclined extends Exception {
        ChargeDeclined(String message) {
            super(message);
        }
    }

    @Test
    void aHandlersExceptionGivesItsClassAsErrorAndLambdasErrorJsonAsCause() throws Exception {
        TaskHandler declines = request -> {
            throw new ChargeDeclined("card \"4242\" declined");
        };
        AsyncTaskHandler declinesLater = request -> CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("later");
        });
        TaskHandlers tasks = new TaskHandlers().register("charge", declines).register("later", declinesLater)
                .registerBlocking("blocked", declines);
        // What AWS recorded for a function's exception through each resource form.
        String recordedInvoke = "error_handling/test_task_service_lambda.test_raise_exception_catch.0.json";
        String recordedArn = "error_handling/test_task_lambda.test_raise_exception_catch.0.json";
        for (String[] form : new String[][] {
                {INVOKE, "{'FunctionName':'charge','Payload':{}}", "true", recordedInvoke},
                {INVOKE, "{'FunctionName':'blocked'}", "true", recordedInvoke},
                {FUNCTION_ARN + "charge", null, "false", recordedArn}}) {
            ExecutionResult result = run(task(form[0], form[1]), "{}", tasks);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertEquals("ChargeDeclined", result.error());
            JsonNode cause = Json.parse(result.cause());
            JsonNode recorded = Json.parse(Json.parse(Files.readString(RECORDED.resolve(form[3])))
                    .findValue("throw").get("cause").textValue());
            assertSameShape(recorded, cause, "cause");
            assertEquals("card \"4242\" declined", cause.get("errorMessage").textValue());
            assertEquals("ChargeDeclined", cause.get("errorType").textValue());
            assertTrue(UUID.matcher(cause.get("requestId").textValue()).matches());
            JsonNode trace = cause.get("stackTrace");
            assertTrue(trace.size() > 0 && trace.get(0).textValue().startsWith(getClass().getName() + ".lambda$"),
                    trace.toString());
            for (JsonNode frame : trace) {
                assertFalse(frame.textValue().startsWith("io.quickstep.vm.") || frame.textValue().startsWith(
                        "io.quickstep.task.LambdaInvoke.") || frame.textValue().startsWith(
                        "io.quickstep.task.LambdaInvoke$"), "only the handler's frames: " + trace);
            }
            // Compact for lambda:invoke, Python's spacing for a function ARN, as AWS recorded them.
            assertEquals(Boolean.parseBoolean(form[2]), result.cause().startsWith("{\"errorMessage\":\""), result.cause());
        }
        ExecutionResult later = run(task(INVOKE, "{'FunctionName':'later'}"), "{}", tasks);
        assertEquals("IllegalStateException", later.error());
        assertEquals("later", Json.parse(later.cause()).get("errorMessage").textValue());
    }

    @Test
    void anExecutionFailureKeepsItsErrorAndCauseAndOtherResourcesKeepTheMessage() throws Exception {
        TaskHandlers tasks = new TaskHandlers()
                .register("chosen", request -> {
                    throw new ExecutionFailure("Charge.Declined", "no funds");
                })
                .register("arn:aws:states:us-east-1:123456789012:activity:work", request -> {
                    throw new IllegalArgumentException("plain");
                });
        for (String[] form : new String[][] {{INVOKE, "{'FunctionName':'chosen'}"}, {FUNCTION_ARN + "chosen", null}}) {
            ExecutionResult result = run(task(form[0], form[1]), "{}", tasks);
            assertEquals("Charge.Declined", result.error());
            assertEquals("no funds", result.cause());
        }
        ExecutionResult activity = run(task("arn:aws:states:us-east-1:123456789012:activity:work", null), "{}", tasks);
        assertEquals("IllegalArgumentException", activity.error());
        assertEquals("plain", activity.cause());
    }

    /** A function nothing answers fails as AWS's Lambda answers for a function that does not exist. */
    @Test
    void noHandlerForTheFunctionFailsAsAMissingFunctionOnAws() throws Exception {
        ExecutionResult byName = run(task(INVOKE, "{'FunctionName':'missing'}"), "{}", new TaskHandlers());
        assertEquals("Lambda.ResourceNotFoundException", byName.error());
        assertTrue(byName.cause().startsWith("Function not found: missing (Service: AWSLambda; Status Code: 404; "
                + "Error Code: ResourceNotFoundException; Request ID: "), byName.cause());
        ExecutionResult byArn = run(task(FUNCTION_ARN + "missing", null), "{}", new TaskHandlers());
        assertEquals("Lambda.ResourceNotFoundException", byArn.error());
        assertTrue(byArn.cause().startsWith("Function not found: " + FUNCTION_ARN + "missing:$LATEST "), byArn.cause());
        ExecutionResult qualified = run(task(INVOKE, "{'FunctionName':'" + FUNCTION_ARN + "missing:live'}"), "{}",
                new TaskHandlers());
        assertTrue(qualified.cause().startsWith("Function not found: " + FUNCTION_ARN + "missing:live "),
                qualified.cause());
        ExecutionResult callback = run(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", null), "{}",
                new TaskHandlers());
        assertEquals("States.TaskFailed", callback.error());
        assertTrue(callback.cause().contains("'arn:aws:states:::sqs:sendMessage.waitForTaskToken' nor for the"
                + " integration it calls, 'arn:aws:states:::sqs:sendMessage'"), callback.cause());
    }

    @Test
    void theCallbackFormCallsTheFunctionAsLambdaInvokeDoesBeforeTheTokenIsAwaited() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("work", request -> request.input());
        TaskRequest request = new TaskRequest("T", INVOKE + ".waitForTaskToken",
                json("{'FunctionName':'work','Payload':{'token':'t'}}"), null);
        TaskHandler resolved = tasks.resolve(request);
        assertTrue(resolved instanceof CallbackIntegration, String.valueOf(resolved));
        assertEquals(json("{'token':'t'}"), tasks.invoke(request).get("Payload"));

        TaskHandler whole = request2 -> json("'mocked'");
        TaskHandlers withWhole = new TaskHandlers().register("work", request2 -> request2.input())
                .register(INVOKE + ".waitForTaskToken", whole);
        assertEquals(whole, withWhole.resolve(request)); // a handler of the whole resource answers the whole task
    }

    /** The corpus's lambda:invoke cases hold AWS's response; our own must read the same. */
    @Test
    void aWorkflowWrittenForAwsRunsOnTheHandlersResult() throws Exception {
        JsonNode recorded;
        try (InputStream in = Files.newInputStream(RECORDED.resolve(
                "assign/test_variables_in_lambda_task_BASE_ASSIGN_FROM_LAMBDA_TASK_RESULT.0.json"))) {
            recorded = Json.MAPPER.readTree(in);
        }
        TaskHandlers tasks = new TaskHandlers().register("<lambda-function-name>", request -> json("'HelloWorld!'"));
        ExecutionResult result = StateMachine.create("recorded", Json.write(recorded.get("definition")))
                .execute(Json.write(recorded.get("input")), ExecutionOptions.defaults().tasks(tasks));
        assertEquals(recorded.at("/expected/status").textValue(), result.status().name());
        assertEquals(recorded.at("/expected/output"), result.output());
    }
}
