package io.quickstep.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.events.LogLevel;
import io.quickstep.execution.Account;
import io.quickstep.http.AccessKeys;
import io.quickstep.http.Exposure;
import io.quickstep.http.HttpIngress;
import io.quickstep.http.IngressLoops;
import io.quickstep.http.IngressMetrics;
import io.quickstep.http.IngressSettings;
import io.quickstep.http.SigV4Verifier;
import io.quickstep.http.WebUi;
import io.quickstep.httptask.HostAllowList;
import io.quickstep.httptask.HttpConnections;
import io.quickstep.httptask.HttpTasks;
import io.quickstep.json.Json;
import io.quickstep.lambda.LambdaEndpoint;
import io.quickstep.log.LogSink;
import io.quickstep.metrics.AwsPrices;
import io.quickstep.service.AwsException;
import io.quickstep.service.StepFunctionsService;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskHandlers;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.Mocks;
import io.quickstep.ui.LiveView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import sun.misc.Signal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code quickstep serve}: the AWS Step Functions API over HTTP, on an engine of this process. */
@Command(name = "serve",
        mixinStandardHelpOptions = true, versionProvider = QuickstepCli.Version.class, description = {
        "Serves the AWS Step Functions API (JSON 1.0 over HTTP/1.1) so that the AWS SDKs and the AWS CLI work "
                + "with an endpoint override, plus GET /health, GET /metrics (Prometheus) and GET /ui (the live view).",
        "Runs until SIGTERM or SIGINT: then it stops accepting connections, lets executions in flight finish "
                + "within the engine's shutdown timeout, and exits 0. The I/O transport is native epoll where "
                + "available, else NIO (-Dquickstep.http.transport=io_uring|epoll|nio chooses)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8083", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = IngressSettings.DEFAULT_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs "
                    + "--auth sigv4 or --insecure.")
    String bind;

    @Option(names = "--definitions", paramLabel = "DIR",
            description = "Creates every *.asl.json under DIR (at any depth) as an EXPRESS state machine named after "
                    + "its file; NAME.mocks.json beside NAME.asl.json answers that machine's Task states.")
    Path definitions;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keeps state machines, versions, aliases, tags and activities here across restarts "
                    + "(default: in memory). Executions are in memory only.")
    Path dataDir;

    @Option(names = "--shards", paramLabel = "N",
            description = "Runs the engine on N shard threads of its own (default: one shard on each event loop, "
                    + "so that a request and its execution share a thread; a synchronous task handler that blocks "
                    + "then holds up that loop's connections too).")
    Integer shards;

    @Option(names = "--event-loops", paramLabel = "N",
            description = "HTTP event-loop threads (default: one per processor when they run the shards, else "
                    + "half the processors, at least one).")
    Integer eventLoops;

    @Option(names = "--kept-executions", paramLabel = "N", defaultValue = "10000",
            description = "Finished executions kept in memory for DescribeExecution, ListExecutions and "
                    + "GetExecutionHistory, the oldest forgotten first (running ones are always kept). "
                    + "Default: ${DEFAULT-VALUE}.")
    int keptExecutions;

    @Option(names = "--aws-express-rules",
            description = "Refuses activities and .waitForTaskToken tasks in EXPRESS state machines, as AWS does "
                    + "(InvalidDefinition). By default Quickstep runs them, within the Express limits.")
    boolean awsExpressRules;

    @Option(names = "--lambda-endpoint", paramLabel = "URL",
            description = "Sends the Task states of Lambda functions that no handler answers to a server speaking "
                    + "the Lambda Invoke API at URL (the Lambda runtime interface emulator, SAM local, ...), signed "
                    + "with SigV4 when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set (for AWS_REGION).")
    URI lambdaEndpoint;

    @Option(names = "--http-connections", paramLabel = "FILE",
            description = "The connections HTTP tasks (arn:aws:states:::http:invoke) authorize with, named by their "
                    + "Authentication.ConnectionArn: a JSON array of EventBridge CreateConnection requests (Name, "
                    + "AuthorizationType API_KEY, BASIC or OAUTH_CLIENT_CREDENTIALS, AuthParameters).")
    Path httpConnections;

    @Option(names = "--http-allow", paramLabel = "HOST[:PORT]", split = ",",
            description = "Hosts HTTP tasks may call besides loopback (the default allows loopback only): HOST, "
                    + "HOST:PORT, *.DOMAIN or *.DOMAIN:PORT, comma-separated.")
    List<String> httpAllow = List.of();

    @Option(names = "--mocks", paramLabel = "FILE",
            description = "Answers the Task states of every state machine without mocks of its own, from a mocks "
                    + "file as quickstep run reads it (fresh for each execution).")
    Path mocks;

    @Option(names = "--handlers", paramLabel = "DIR",
            description = "Loads task handlers from the jars in DIR (ServiceLoader of io.quickstep.task.TaskHandlerProvider), "
                    + "and execution log sinks (of io.quickstep.log.LogSink).")
    Path handlers;

    @Option(names = "--auth", paramLabel = "sigv4",
            description = "sigv4: every API and /metrics request must carry an AWS Signature Version 4 made with a "
                    + "key of --credentials (GET /health needs none); off by default.")
    String auth;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "The access keys --auth sigv4 accepts: a credentials file in the AWS CLI's format "
                    + "(~/.aws/credentials: [profile] with aws_access_key_id, aws_secret_access_key and optionally "
                    + "aws_session_token).")
    Path credentials;

    @Option(names = "--insecure", description = "Allow a non-loopback --bind without authentication.")
    boolean insecure;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "OFF",
            description = "The logging level of the --definitions machines, as AWS's loggingConfiguration: ALL, "
                    + "ERROR, FATAL or OFF (default: ${DEFAULT-VALUE}); machines created through the API bring "
                    + "their own.")
    String logLevel;

    @Option(names = "--log-include-data",
            description = "The --definitions machines' logs carry the executions' inputs and outputs.")
    boolean logIncludeData;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Writes the execution logs of every machine whose logging level is not OFF into DIR, as "
                    + "JSON lines: one stream per state machine and day (DIR/NAME/yyyy-MM-dd.N.jsonl); read them "
                    + "with quickstep logs DIR.")
    Path logDir;

    @Option(names = "--log-stdout", description = "Writes the execution logs to standard output too, as JSON lines.")
    boolean logStdout;

    @Option(names = "--log-text-threads", paramLabel = "N", defaultValue = "0",
            description = "Threads that make the execution logs' JSON lines for the one thread that writes them "
                    + "(default: ${DEFAULT-VALUE}, that thread makes them too). On a machine with cores beyond the "
                    + "event loops, 1 or more let logging at ALL keep up with more executions.")
    int logTextThreads;

    @Option(names = "--ui", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serves the live view at GET /ui: the state machines' diagrams with live figures, their "
                    + "recent executions, an execution's path and its states' inputs and outputs (read-only; with "
                    + "--auth sigv4 it needs the token in the address printed at start). On by default.")
    boolean ui;

    /** The region of the ARNs, of SigV4 and of the cost estimates on /metrics. */
    @Mixin
    RegionOption region;

    private Account account;

    /** Completed with the address listened on once the server serves (with the port --port 0 was given). */
    final CompletableFuture<InetSocketAddress> started = new CompletableFuture<>();

    /** Returns when the server is to stop: by default at SIGTERM or SIGINT; tests stop it by hand. */
    StopSignal stopSignal = ServeCommand::awaitTermOrInt;

    /** What the command waits for before it stops serving. */
    @FunctionalInterface
    interface StopSignal {
        void await() throws InterruptedException;
    }

    @Override
    public Integer call() throws BadInputException {
        if (keptExecutions < 0) {
            throw new BadInputException("--kept-executions must be 0 or more, was " + keptExecutions);
        }
        AwsPrices prices = region.prices();
        account = region.account();
        SigV4Verifier sigV4 = verifier();
        try {
            Exposure.check(bind, sigV4 != null, insecure);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        HttpTasks.Settings http = httpTaskSettings();
        TaskHandlers tasks = new TaskHandlers();
        List<LogSink> jarSinks = handlers == null ? List.of() : HandlerJars.register(handlers, tasks);
        if (lambdaEndpoint != null) {
            try {
                tasks.remoteFunctions(new LambdaEndpoint(lambdaEndpoint, environmentCredentials(),
                        System.getenv().getOrDefault("AWS_REGION", account.region()))::function);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--lambda-endpoint: " + e.getMessage());
            }
        }
        List<ServedDefinitions.Served> served = definitions == null ? List.of() : ServedDefinitions.read(definitions);
        Map<String, List<MockAnswer>> shared = mocks == null ? null : ServedDefinitions.answers(mocks, null);

        LogLevel level = LogLevel.named(logLevel);
        if (level == null) {
            throw new ParameterException(spec.commandLine(), "--log-level takes ALL, ERROR, FATAL or OFF, was " + logLevel);
        }
        if (level != LogLevel.OFF && logDir == null && !logStdout && jarSinks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--log-level " + level + " needs --log-dir DIR, "
                    + "--log-stdout or a log sink in a --handlers jar: where the execution logs go");
        }
        if (logTextThreads < 0 || logTextThreads > 64) {
            throw new ParameterException(spec.commandLine(), "--log-text-threads takes 0 to 64, was " + logTextThreads);
        }
        IngressSettings settings = IngressSettings.defaults().address(bind, port).sigV4(sigV4);
        if (eventLoops != null) {
            settings = settings.eventLoops(eventLoops);
        } else if (shards == null) {
            settings = settings.eventLoops(Runtime.getRuntime().availableProcessors());
        }
        IngressLoops loops = IngressLoops.create(settings.eventLoops());
        HttpTasks httpTasks = new HttpTasks(http.loops(loops).region(account.region())); // on serve's loops
        httpTasks.registerOn(tasks);
        Engine.Context context = new Engine.Context().account(account);
        if (shards != null) {
            context.shards(shards);
        } else {
            context.runShardsOn(loops.eachLoop());
        }
        if (logDir != null) {
            context.logDirectory(logDir);
        }
        if (logStdout) {
            context.logToStdout();
        }
        jarSinks.forEach(context::logSink);
        context.logTextThreads(logTextThreads);
        Engine engine = Engine.launch(context.tasks(tasks));
        StepFunctionsService service = new StepFunctionsService(engine, new StepFunctionsService.Settings()
                .account(account).tasks(tasks).dataDirectory(dataDir).maxStoredExecutions(keptExecutions)
                .expressCallbacks(!awsExpressRules)
                .tasksByStateMachine(mocksByMachine(served, shared)));
        HttpIngress ingress = null;
        LiveView view = ui ? new LiveView(service, () -> engine.metrics().machines()) : null;
        // A browser cannot sign its requests: with authentication, the view asks for a token of this run's.
        String uiToken = ui && sigV4 != null ? WebUi.newToken() : null;
        try {
            for (ServedDefinitions.Served definition : served) {
                create(service, definition, loggingConfiguration(definition.name(), level));
            }
            ingress = HttpIngress.start(loops, settings, service,
                    new IngressMetrics(() -> engine.metrics().machines(), engine.metrics().logs(), prices),
                    view == null ? null : new WebUi(view, uiToken));
            spec.commandLine().getOut().printf("quickstep: serving the Step Functions API on http://%s:%d (%s, %s); "
                            + "state machines: %s%n", ingress.address().getHostString(), ingress.address().getPort(),
                    ingress.transport(), sigV4 == null ? "no authentication" : "SigV4 with the keys of " + credentials,
                    served.isEmpty() ? "none yet" : served.stream()
                            .map(ServedDefinitions.Served::name).collect(Collectors.joining(", ")));
            if (view != null) {
                spec.commandLine().getOut().printf("quickstep: the live view is on http://%s:%d/ui%s%n",
                        ingress.address().getHostString(), ingress.address().getPort(),
                        uiToken == null ? "" : "?token=" + uiToken);
            }
            spec.commandLine().getOut().flush();
            started.complete(ingress.address());
            awaitStop();
            ingress.stopAccepting();
        } catch (IllegalStateException e) {
            throw new BadInputException(e.getMessage());
        } finally {
            engine.close(); // executions in flight finish (their answers are written) within the shutdown timeout
            service.close();
            httpTasks.close();
            if (ingress != null) {
                ingress.close();
            }
            if (view != null) {
                view.close();
            }
            loops.close(); // last: they ran the shards
        }
        return 0;
    }

    /** What HTTP tasks may call (--http-allow) and authorize with (--http-connections). */
    private HttpTasks.Settings httpTaskSettings() throws BadInputException {
        HttpTasks.Settings settings = new HttpTasks.Settings();
        try {
            settings.allow(HostAllowList.of(httpAllow));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--http-allow: " + e.getMessage());
        }
        if (httpConnections != null) {
            try {
                settings.connections(HttpConnections.read(httpConnections));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--http-connections: " + e.getMessage());
            }
        }
        return settings;
    }

    /** The AWS SDK's credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and a session token), or null. */
    private static AwsCredentials environmentCredentials() {
        try {
            return EnvironmentVariableCredentialsProvider.create().resolveCredentials();
        } catch (SdkClientException none) {
            return null;
        }
    }

    /** A machine's own mocks, else the --mocks file's, each fresh for one execution; null: the handlers serve. */
    private static java.util.function.Function<String, TaskHandler> mocksByMachine(
            List<ServedDefinitions.Served> served, Map<String, List<MockAnswer>> shared) {
        Map<String, ServedDefinitions.Served> byName = new HashMap<>();
        served.forEach(definition -> byName.put(definition.name(), definition));
        return name -> {
            ServedDefinitions.Served definition = byName.get(name);
            Mocks own = definition == null ? null : definition.freshMocks();
            return own != null ? own : shared == null ? null : new Mocks(shared);
        };
    }

    /**
     * The loggingConfiguration of a --definitions machine: the level and data of the flags, with the
     * log group AWS's console would make for it as destination; null at OFF.
     */
    private ObjectNode loggingConfiguration(String machine, LogLevel level) {
        if (level == LogLevel.OFF) {
            return null;
        }
        ObjectNode logging = Json.NODES.objectNode().put("level", level.name()).put("includeExecutionData", logIncludeData);
        logging.putArray("destinations").addObject().putObject("cloudWatchLogsLogGroup").put("logGroupArn",
                "arn:aws:logs:" + account.region() + ":" + account.id() + ":log-group:/aws/vendedlogs/states/"
                        + machine + "-Logs:*");
        return logging;
    }

    private static void create(StepFunctionsService service, ServedDefinitions.Served definition, ObjectNode logging)
            throws BadInputException {
        try {
            service.createStateMachine(definition.name(), definition.text(), StepFunctionsService.EXPRESS, logging);
        } catch (AwsException e) {
            throw new BadInputException(definition.file() + ": " + e.type() + ": " + e.getMessage());
        }
    }

    /** The verifier --auth sigv4 asks for, with the keys of --credentials; null without --auth. */
    private SigV4Verifier verifier() throws BadInputException {
        if (auth == null) {
            if (credentials != null) {
                throw new ParameterException(spec.commandLine(), "--credentials is read only with --auth sigv4");
            }
            return null;
        }
        if (!auth.equals("sigv4")) {
            throw new ParameterException(spec.commandLine(), "--auth takes sigv4, was " + auth);
        }
        if (credentials == null) {
            throw new ParameterException(spec.commandLine(), "--auth sigv4 needs --credentials FILE, the access keys "
                    + "requests may be signed with");
        }
        try {
            return new SigV4Verifier(AccessKeys.read(credentials), account.region());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--credentials " + e.getMessage());
        }
    }

    /** Waits for the stop signal; an interrupt stops the server too. */
    private void awaitStop() {
        try {
            stopSignal.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for SIGTERM or SIGINT, handled here so that the command ends as it chooses (exit 0). */
    private static void awaitTermOrInt() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        stop.await();
    }
}
