package io.quickstep.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import io.quickstep.json.JsonSize;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * A Lambda function's handler as the {@code arn:aws:states:::lambda:invoke} integration calls it:
 * the handler gets what Lambda gives the function (the {@code Payload} parameter), and the task
 * gets what Step Functions gives the workflow (the Invoke response, the handler's result as its
 * {@code Payload}). {@link TaskHandlers} makes one per function name it resolves and keeps it, so a
 * call allocates only the handler's request and the response. The subclasses keep the handler's
 * kind: an {@link AsyncTaskHandler} stays asynchronous, a {@link BlockingTaskHandler} blocking.
 *
 * <p>Also the Lambda parts of what a handler's exception becomes ({@link #cause}), for both a
 * function ARN resource and {@code lambda:invoke}.
 */
class LambdaInvoke implements TaskHandler {
    /** Lambda's error JSON as AWS records it in a cause for {@code lambda:invoke}. */
    private static final ObjectWriter COMPACT = Json.MAPPER.writer();
    /** The same for a function ARN resource: a space after each separator, as Lambda's runtime writes it. */
    private static final ObjectWriter SPACED = Json.MAPPER.writer(new DefaultPrettyPrinter(Separators
            .createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));
    private static final String FUNCTION = ":function:";
    private static final String INVOKE = ":states:::lambda:invoke";
    private static final String CALLBACK = ":states:::lambda:invoke.waitForTaskToken";
    /** Past the payload limit of a state the figure no longer matters: the task fails anyway. */
    private static final long CONTENT_LENGTH_CAP = 256 * 1024;
    /** The most stack frames an error cause lists. */
    private static final int MAX_FRAMES = 50;

    private static final TextNode LATEST = TextNode.valueOf("$LATEST");
    private static final TextNode ZERO = TextNode.valueOf("0");
    private static final TextNode KEEP_ALIVE = TextNode.valueOf("keep-alive");
    private static final TextNode APPLICATION_JSON = TextNode.valueOf("application/json");
    private static final IntNode OK = IntNode.valueOf(200);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** The Date header of the current second, made once per second. */
    private static volatile DateHeader dateHeader = new DateHeader(-1, null);

    final TaskHandler function;
    /** The version the FunctionName asks for (its {@code :qualifier} suffix), else {@code $LATEST}. */
    private final TextNode version;
    LambdaInvoke(TaskHandler function, String functionName) {
        this.function = function;
        String qualifier = qualifier(functionName);
        this.version = qualifier == null ? LATEST : TextNode.valueOf(qualifier);
    }

    /** The adapter for {@code function}, of the same kind (synchronous, asynchronous or blocking). */
    static TaskHandler of(TaskHandler function, String functionName) {
        if (function instanceof BlockingTaskHandler) {
            return new Blocking(function, functionName);
        }
        if (function instanceof AsyncTaskHandler) {
            return new Async((AsyncTaskHandler) function, functionName);
        }
        return new LambdaInvoke(function, functionName);
    }

    @Override
    public JsonNode invoke(TaskRequest request) throws Exception {
        return result(request, function.invoke(functionRequest(request)));
    }

    @Override
    public String toString() {
        return TaskHandlers.describe(function);
    }

    /**
     * The function's request: the state's effective parameters replaced by their {@code Payload},
     * as Lambda hands it to the function. Absent or JSON null: Step Functions sends no payload and
     * Lambda gives the function {@code {}}. A string: Step Functions sends its text as the request
     * body and Lambda parses it as JSON (the string {@code "[1,2]"} gives the array); text that is
     * not JSON fails with {@code Lambda.InvalidRequestContentException}, as Lambda refuses it.
     * Any other value as it is.
     */
    final TaskRequest functionRequest(TaskRequest request) {
        JsonNode parameters = request.input();
        JsonNode payload = parameters == null ? null : parameters.get("Payload");
        if (payload == null || payload.isNull()) {
            payload = Json.NODES.objectNode();
        } else if (payload.isTextual()) {
            payload = parsePayload(payload.textValue());
        }
        return new TaskRequest(request.stateName(), request.resource(), payload, request.context());
    }

    /** The task result for what the function returned (null stands for JSON null). */
    final JsonNode result(TaskRequest request, JsonNode returned) {
        JsonNode payload = returned == null ? Json.NODES.nullNode() : returned;
        JsonNode qualifier = request.input() == null ? null : request.input().get("Qualifier");
        return response(payload, qualifier != null && qualifier.isTextual() ? qualifier : version);
    }

    private static JsonNode parsePayload(String text) {
        if (text.isBlank()) {
            return Json.NODES.objectNode();
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new ExecutionFailure("Lambda.InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: "
                            + e.getOriginalMessage() + " (Service: AWSLambda; Status Code: 400; Error Code: "
                            + "InvalidRequestContentException; Request ID: " + requestId() + "; Proxy: null)");
        }
    }

    /**
     * What {@code lambda:invoke} gives the workflow, as AWS records it: the executed version, the
     * function's result as {@code Payload}, the HTTP response's metadata (headers as the Java SDK
     * lists them, each also as a one-element list) and its request id, and the status code.
     */
    static ObjectNode response(JsonNode payload, JsonNode version) {
        TextNode requestId = TextNode.valueOf(requestId());
        TextNode length = TextNode.valueOf(Long.toString(JsonSize.of(payload, CONTENT_LENGTH_CAP)));
        TextNode date = date();
        TextNode trace = TextNode.valueOf(traceId());

        ObjectNode all = Json.NODES.objectNode();
        all.set("X-Amz-Executed-Version", list(version));
        all.set("x-amzn-Remapped-Content-Length", list(ZERO));
        all.set("Connection", list(KEEP_ALIVE));
        all.set("x-amzn-RequestId", list(requestId));
        all.set("Content-Length", list(length));
        all.set("Date", list(date));
        all.set("X-Amzn-Trace-Id", list(trace));
        all.set("Content-Type", list(APPLICATION_JSON));
        ObjectNode headers = Json.NODES.objectNode();
        headers.set("Connection", KEEP_ALIVE);
        headers.set("Content-Length", length);
        headers.set("Content-Type", APPLICATION_JSON);
        headers.set("Date", date);
        headers.set("X-Amz-Executed-Version", version);
        headers.set("x-amzn-Remapped-Content-Length", ZERO);
        headers.set("x-amzn-RequestId", requestId);
        headers.set("X-Amzn-Trace-Id", trace);
        ObjectNode http = Json.NODES.objectNode();
        http.set("AllHttpHeaders", all);
        http.set("HttpHeaders", headers);
        http.set("HttpStatusCode", OK);
        ObjectNode sdk = Json.NODES.objectNode();
        sdk.set("RequestId", requestId);

        ObjectNode response = Json.NODES.objectNode();
        response.set("ExecutedVersion", version);
        response.set("Payload", payload);
        response.set("SdkHttpMetadata", http);
        response.set("SdkResponseMetadata", sdk);
        response.set("StatusCode", OK);
        return response;
    }

    private static ArrayNode list(JsonNode value) {
        ArrayNode list = Json.NODES.arrayNode(1);
        list.add(value);
        return list;
    }

    /** A random (version 4) UUID, as Lambda's request ids are; not from SecureRandom, which is slow. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** An X-Ray trace header as Lambda answers it: {@code root=1-<epoch seconds, hex>-<96 random bits>;sampled=0}. */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(48).append("root=1-");
        hex(text, System.currentTimeMillis() / 1000, 8);
        text.append('-');
        hex(text, random.nextInt(), 8);
        hex(text, random.nextLong(), 16);
        return text.append(";sampled=0").toString();
    }

    private static void hex(StringBuilder text, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            text.append(Character.forDigit((int) (value >>> shift) & 0xF, 16));
        }
    }

    private static TextNode date() {
        long second = System.currentTimeMillis() / 1000;
        DateHeader header = dateHeader;
        if (header.second != second) {
            header = new DateHeader(second, TextNode.valueOf(HTTP_DATE.format(Instant.ofEpochSecond(second))));
            dateHeader = header;
        }
        return header.text;
    }

    private record DateHeader(long second, TextNode text) {
    }

    // ---- resources and function names ----

    /** Whether {@code resource} is {@code arn:<partition>:states:::lambda:invoke}. */
    static boolean isInvoke(String resource) {
        return resource.endsWith(INVOKE) && partitionEnd(resource) == resource.length() - INVOKE.length();
    }

    /** Whether {@code resource} is {@code arn:<partition>:states:::lambda:invoke.waitForTaskToken}. */
    static boolean isCallback(String resource) {
        return resource.endsWith(CALLBACK) && partitionEnd(resource) == resource.length() - CALLBACK.length();
    }

    /** Whether {@code resource} is a Lambda function's ARN, {@code arn:<partition>:lambda:...:function:NAME[:QUALIFIER]}. */
    static boolean isFunctionArn(String resource) {
        int end = partitionEnd(resource);
        return end > 0 && resource.startsWith(":lambda:", end) && resource.indexOf(FUNCTION, end) > 0;
    }

    /** Where the partition of an ARN ends (at the colon after it), or -1 when it is no ARN. */
    private static int partitionEnd(String resource) {
        return resource.startsWith("arn:") ? resource.indexOf(':', 4) : -1;
    }

    /**
     * The function a FunctionName or function ARN names, with its qualifier if it has one:
     * {@code NAME[:QUALIFIER]} of {@code NAME[:QUALIFIER]}, {@code ACCOUNT:function:NAME[:QUALIFIER]}
     * or {@code arn:...:function:NAME[:QUALIFIER]}.
     */
    static String qualifiedName(String functionName) {
        int at = functionName.indexOf(FUNCTION);
        return at < 0 ? functionName : functionName.substring(at + FUNCTION.length());
    }

    /** The version or alias a FunctionName or function ARN asks for, or null. */
    static String qualifier(String functionName) {
        String qualified = qualifiedName(functionName);
        int colon = qualified.indexOf(':');
        return colon < 0 ? null : qualified.substring(colon + 1);
    }

    // ---- errors ----

    /**
     * The cause Step Functions gives a Lambda function's error: the JSON the Lambda runtime writes
     * for it ({@code errorMessage}, {@code errorType}, {@code requestId}, {@code stackTrace}). AWS
     * records it compact for {@code lambda:invoke} and with spaces after {@code :} and {@code ,}
     * for a function ARN resource; so does this. The stack trace lists the handler's frames, those
     * above the engine's call into it, at most {@value #MAX_FRAMES}.
     */
    static String cause(String errorType, Throwable thrown, boolean compact) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("errorMessage", thrown.getMessage() == null ? "" : thrown.getMessage());
        payload.put("errorType", errorType);
        payload.put("requestId", requestId());
        ArrayNode stackTrace = payload.putArray("stackTrace");
        StackTraceElement[] trace = thrown.getStackTrace();
        for (int i = 0; i < trace.length && i < MAX_FRAMES && !isEngine(trace[i].getClassName()); i++) {
            stackTrace.add(trace[i].toString());
        }
        return cause(payload, compact);
    }

    /**
     * A Lambda error payload as Step Functions passes it on as a cause: compact, or with Lambda's
     * spacing (a space after each {@code :} and {@code ,}, no line breaks).
     */
    static String cause(JsonNode payload, boolean compact) {
        try {
            return (compact ? COMPACT : SPACED).writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always writes", e);
        }
    }

    /** Whether a frame is the engine calling a handler (below it, the stack is the engine's). */
    private static boolean isEngine(String className) {
        return isClass(className, "io.quickstep.vm.Driver") || isClass(className, "io.quickstep.vm.BlockingCalls")
                || isClass(className, LambdaInvoke.class.getName()) || className.equals(TaskHandlers.class.getName())
                || className.equals(BlockingTaskHandler.Blocking.class.getName())
                || className.equals(AsyncTaskHandler.class.getName());
    }

    /** Whether {@code className} is {@code name} or a class nested in it. */
    private static boolean isClass(String className, String name) {
        return className.startsWith(name) && (className.length() == name.length() || className.charAt(name.length()) == '$');
    }

    // ---- the kinds of handler ----

    /** A {@link BlockingTaskHandler}'s adapter: blocking too, so that it still runs off the shard. */
    static final class Blocking extends LambdaInvoke implements BlockingTaskHandler {
        Blocking(TaskHandler function, String functionName) {
            super(function, functionName);
        }
    }

    /**
     * An {@link AsyncTaskHandler}'s adapter: its stage's result becomes the response when it
     * completes; a failure passes unchanged; cancelling the adapted stage (the engine does at the
     * state's time limit) cancels the handler's.
     */
    static final class Async extends LambdaInvoke implements AsyncTaskHandler {
        Async(AsyncTaskHandler function, String functionName) {
            super(function, functionName);
        }

        @Override
        public CompletionStage<JsonNode> invokeAsync(TaskRequest request) {
            CompletionStage<JsonNode> stage = ((AsyncTaskHandler) function).invokeAsync(functionRequest(request));
            if (stage == null) {
                return null; // the engine reports it, naming the handler
            }
            CompletableFuture<JsonNode> source = stage.toCompletableFuture();
            if (source.isDone()) {
                // Answered already: a failure passes as it is, a result is adapted at once.
                return source.isCompletedExceptionally() ? source
                        : CompletableFuture.completedFuture(result(request, source.getNow(null)));
            }
            Adapted adapted = new Adapted(this, request, source);
            source.whenComplete(adapted);
            return adapted;
        }
    }

    /** The adapted stage of one asynchronous call. */
    private static final class Adapted extends CompletableFuture<JsonNode> implements BiConsumer<JsonNode, Throwable> {
        private final LambdaInvoke adapter;
        private final TaskRequest request;
        private final CompletableFuture<JsonNode> source;

        Adapted(LambdaInvoke adapter, TaskRequest request, CompletableFuture<JsonNode> source) {
            this.adapter = adapter;
            this.request = request;
            this.source = source;
        }

        @Override
        public void accept(JsonNode returned, Throwable error) {
            if (error != null) {
                completeExceptionally(error);
                return;
            }
            try {
                complete(adapter.result(request, returned));
            } catch (Throwable t) {
                completeExceptionally(t);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            source.cancel(mayInterruptIfRunning);
            return cancelled;
        }
    }
}
