package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quickstep.http.WebPage;
import io.quickstep.http.WebPages;
import io.quickstep.json.Json;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.service.AwsException;
import io.quickstep.service.StepFunctionsApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The live view's pages: the page and its script and style sheet (resources of the jar, kept in
 * memory), and the JSON and SVG the script asks for:
 * <pre>
 * GET /ui                           the page
 * GET /ui/api/diagram?machine=NAME  a machine's live diagram (SVG, two empty lines on each state)
 * GET /ui/api/live                  each machine (name, ARN, type, logging, diagram revision), its
 *                                   figures and newest executions ({@link LiveFigures})
 * GET /ui/api/execution?arn=ARN     one execution: its path on its diagram, its steps ({@link ExecutionView})
 * </pre>
 * Everything but the resources is made on one thread of the view's own, which alone touches its
 * caches; at most {@value #QUEUED} requests wait for it, and one more is answered 503 at once.
 */
public final class LiveView implements WebPages, AutoCloseable {
    private static final int QUEUED = 64;
    private static final String JSON = "application/json";

    private final ApiCalls api;
    private final MachineDiagrams diagrams = new MachineDiagrams();
    private final LiveFigures figures;
    private final ExecutionView executions;
    private final Map<String, WebPage> resources;
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED), runnable -> {
                Thread made = new Thread(runnable, "quickstep-live-view");
                made.setDaemon(true);
                return made;
            });

    /**
     * @param api     the service whose state machines and executions are shown
     * @param metrics the engine's metrics of its state machines, read at each poll
     */
    public LiveView(StepFunctionsApi api, Supplier<? extends Iterable<StateMachineMetrics>> metrics) {
        this.api = new ApiCalls(api);
        this.figures = new LiveFigures(this.api, metrics);
        this.executions = new ExecutionView(this.api, diagrams);
        WebPage page = resource("index.html", "text/html; charset=utf-8");
        this.resources = Map.of("/ui", page, "/ui/", page,
                "/ui/live.js", resource("live.js", "text/javascript; charset=utf-8"),
                "/ui/live.css", resource("live.css", "text/css; charset=utf-8"));
    }

    @Override
    public CompletionStage<WebPage> get(String uri) {
        QueryStringDecoder decoded = new QueryStringDecoder(uri);
        String path = decoded.path();
        WebPage resource = resources.get(path);
        if (resource != null) {
            return CompletableFuture.completedFuture(resource);
        }
        try {
            return CompletableFuture.supplyAsync(() -> answer(path, decoded.parameters()), thread);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.failedFuture(new AwsException("ServiceUnavailable",
                    "The live view has " + QUEUED + " requests waiting; try again", 503));
        }
    }

    /** An answer made on the view's thread. */
    private WebPage answer(String path, Map<String, List<String>> query) {
        return switch (path) {
            case "/ui/api/live" -> json(figures.of(machines()));
            case "/ui/api/diagram" -> diagram(parameter(query, "machine"));
            case "/ui/api/execution" -> json(executions.of(parameter(query, "arn")));
            default -> throw new AwsException("NotFound", "Nothing is served at " + path
                    + ": the live view is GET /ui", 404);
        };
    }

    /** Every state machine the service has, with its current definition drawn. */
    private List<ServedMachine> machines() {
        List<ServedMachine> machines = new ArrayList<>();
        String next = null;
        do {
            ObjectNode request = ApiCalls.request().put("maxResults", 1000);
            if (next != null) {
                request.put("nextToken", next);
            }
            JsonNode page = api.call("ListStateMachines", request);
            for (JsonNode listed : page.path("stateMachines")) {
                JsonNode described = api.call("DescribeStateMachine", ApiCalls.request()
                        .put("stateMachineArn", listed.path("stateMachineArn").asText()));
                machines.add(ServedMachine.of(described, diagrams));
            }
            next = page.path("nextToken").asText(null);
        } while (next != null);
        diagrams.keepOnly(machines.stream().map(ServedMachine::name).toList());
        return machines;
    }

    private WebPage diagram(String machine) {
        for (ServedMachine served : machines()) {
            if (served.name().equals(machine)) {
                if (served.drawn().diagram == null) {
                    throw new AwsException("InvalidDefinition", machine + " cannot be drawn: "
                            + served.drawn().problem, 422);
                }
                return new WebPage(200, "image/svg+xml; charset=utf-8",
                        served.drawn().svg().getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AwsException("StateMachineDoesNotExist", "No state machine is named " + machine, 404);
    }

    private static String parameter(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            throw new AwsException("ValidationException", "The query needs one " + name + "=...", 400);
        }
        return values.get(0);
    }

    private static WebPage json(JsonNode body) {
        return new WebPage(200, JSON, Json.writeBytes(body));
    }

    private static WebPage resource(String name, String contentType) {
        try (InputStream in = LiveView.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the live view's " + name + " is missing from the jar");
            }
            return new WebPage(200, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the view's thread; requests still waiting are dropped (their connections are closing too). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
