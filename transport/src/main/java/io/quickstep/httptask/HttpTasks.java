package io.quickstep.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.Account;
import io.quickstep.http.IngressLoops;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import io.quickstep.task.TaskRequest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * HTTP Tasks: Task states with the Resource {@value #RESOURCE}, calling an HTTP API as AWS Step
 * Functions does, asynchronously on Netty (a shard never waits for one). Register them on a
 * service's handlers with {@link #registerOn}:
 * <pre>{@code
 * HttpTasks http = new HttpTasks(new HttpTasks.Settings()
 *         .connections(HttpConnections.read(Path.of("connections.json")))
 *         .allow(HostAllowList.of(List.of("api.example.com", "*.internal.example.com:8443"))));
 * http.registerOn(handlers);   // ... and http.close() after the engine
 * }</pre>
 *
 * <p>What a state's Parameters (or Arguments) may say, as AWS documents them: {@code ApiEndpoint}
 * (an https:// URL; http:// too, for local servers), {@code Method} (GET, POST, PUT, DELETE,
 * PATCH, OPTIONS, HEAD), {@code Authentication.ConnectionArn} (an EventBridge connection ARN,
 * resolved by NAME in {@link HttpConnections}), {@code Headers} (AWS's refused headers refused),
 * {@code QueryParameters}, {@code RequestBody} (JSON, sent as {@code application/json} unless the
 * Headers set a Content-Type; a string is sent as it is) and {@code Transform}
 * ({@code RequestBodyEncoding} NONE or URL_ENCODED, {@code RequestEncodingOptions.ArrayFormat}
 * INDICES, REPEAT, COMMAS or BRACKETS). The connection's header, query and body parameters are merged in and
 * its authorization set. The result is AWS's ({@code Headers}, {@code ResponseBody},
 * {@code StatusCode}, {@code StatusText}); the errors:
 * <ul>
 *   <li>{@code States.Http.StatusCode.<status>}: the API answered, not 2xx;
 *   <li>{@value #SOCKET}: no connection, a connection lost, or no answer within 60 seconds (AWS's
 *   HTTP Task limit; a shorter TimeoutSeconds gives {@code States.Timeout} first, and the engine's
 *   cancel closes the connection);
 *   <li>{@code States.Permissions}: the host is not in the {@link HostAllowList};
 *   <li>{@value #UNKNOWN_CONNECTION}: no connection of that name;
 *   {@code Events.ConnectionResource.InvalidConnectionState}: an OAuth connection's token could
 *   not be had;
 *   <li>{@code States.DataLimitExceeded}: an answer over 256 KiB; {@code States.TaskFailed}: a
 *   binary answer; {@code States.Runtime}: Parameters that cannot make a request.
 * </ul>
 */
public final class HttpTasks implements AsyncTaskHandler, AutoCloseable {
    /** The HTTP Task's resource (in the aws partition; {@link #registerOn} registers the others too). */
    public static final String RESOURCE = "arn:aws:states:::http:invoke";
    /** The error of a call that reached no answer. */
    public static final String SOCKET = "States.Http.Socket";
    /** The error of an unknown connection (Quickstep's choice, after AWS's Events.ConnectionResource.* errors). */
    public static final String UNKNOWN_CONNECTION = "Events.ConnectionResource.ResourceNotFound";
    /** The most an answer may hold: AWS asks for this range, and a task's result holds no more. */
    static final int MAX_RESPONSE_BYTES = 256 * 1024;
    /** AWS's HTTP Task gives up on an answer after 60 seconds, with States.Http.Socket. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);
    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

    /** What the handler may call and how. */
    public static final class Settings {
        private HttpConnections connections = HttpConnections.none();
        private HostAllowList allow = HostAllowList.loopbackOnly();
        private IngressLoops loops;
        private int maxConnectionsPerHost = 64;
        private int maxWaitingPerHost = 10_000;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private String region = Account.DEFAULT.region();
        private Duration answerLimit = ANSWER_LIMIT;

        /** The connections definitions may name (default: none). */
        public Settings connections(HttpConnections connections) {
            this.connections = connections;
            return this;
        }

        /** The hosts definitions may call (default: loopback only). */
        public Settings allow(HostAllowList allow) {
            this.allow = allow;
            return this;
        }

        /**
         * Event loops to share (serve's), outliving the handler; by default it makes one loop of its
         * own, closed with it.
         */
        public Settings loops(IngressLoops loops) {
            this.loops = loops;
            return this;
        }

        /** Connections kept per host (default 64); more calls at once wait for one. */
        public Settings maxConnectionsPerHost(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnectionsPerHost must be 1 or more, was " + max);
            }
            this.maxConnectionsPerHost = max;
            return this;
        }

        /** Calls that may wait for a connection per host (default 10,000); more fail with States.Http.Socket. */
        public Settings maxWaitingPerHost(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxWaitingPerHost must be 1 or more, was " + max);
            }
            this.maxWaitingPerHost = max;
            return this;
        }

        /** How long a connection may take to open (default 5 s); then the call fails with States.Http.Socket. */
        public Settings connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(ANSWER_LIMIT) > 0) {
                throw new IllegalArgumentException("connectTimeout must be more than 0 and at most 60 s, was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /** AWS's 60 seconds, shorter in tests. */
        Settings answerLimit(Duration limit) {
            this.answerLimit = limit;
            return this;
        }

        /** The region the User-Agent names, as AWS's does (default us-east-1). */
        public Settings region(String region) {
            this.region = region;
            return this;
        }
    }

    private final HttpConnections connections;
    private final HostAllowList allow;
    private final PooledHttpClient client;
    private final OAuthTokens tokens;
    private final String userAgent;

    public HttpTasks(Settings settings) {
        this.connections = settings.connections;
        this.allow = settings.allow;
        boolean own = settings.loops == null;
        this.client = new PooledHttpClient(own ? IngressLoops.create(1, "quickstep-http-task") : settings.loops, own,
                settings.maxConnectionsPerHost, settings.maxWaitingPerHost, settings.connectTimeout, settings.answerLimit);
        this.userAgent = "Amazon|StepFunctions|HttpInvoke|" + settings.region; // as AWS's HTTP Task sends it
        this.tokens = new OAuthTokens(client, allow, userAgent);
    }

    /** Registers this handler for the HTTP Task's resource in every partition; returns {@code handlers}. */
    public TaskHandlers registerOn(TaskHandlers handlers) {
        for (String partition : PARTITIONS) {
            handlers.register("arn:" + partition + ":states:::http:invoke", this);
        }
        return handlers;
    }

    @Override
    public CompletionStage<JsonNode> invokeAsync(TaskRequest request) {
        OutgoingRequest outgoing;
        Connection connection;
        try {
            outgoing = OutgoingRequest.of(request.input());
            if (!allow.allows(outgoing.endpoint)) {
                throw refused(outgoing.endpoint, "state '" + request.stateName() + "'");
            }
            String name = outgoing.connectionName;
            connection = connections.named(name);
            if (connection == null) {
                throw new ExecutionFailure(UNKNOWN_CONNECTION, "No connection named '" + name + "' (ConnectionArn "
                        + outgoing.connectionArn + " of state '" + request.stateName() + "'): the server knows "
                        + (connections.names().isEmpty() ? "none (serve --http-connections FILE gives them)"
                        : new java.util.TreeSet<>(connections.names())));
            }
            outgoing.merge(connection);
        } catch (ExecutionFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        if (connection.authorization != Connection.Authorization.OAUTH_CLIENT_CREDENTIALS) {
            outgoing.headers.set(connection.header, connection.headerValue);
            call(outgoing, connection, null, result);
            return result;
        }
        tokens.token(connection).whenComplete((token, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else {
                outgoing.headers.set("Authorization", "Bearer " + token.value());
                call(outgoing, connection, token, result);
            }
        });
        return result;
    }

    /** Sends the request; {@code result} is the engine's: cancelling it abandons the call. */
    private void call(OutgoingRequest outgoing, Connection connection, Connection.Token token,
                      CompletableFuture<JsonNode> result) {
        PooledHttpClient.Target target = PooledHttpClient.Target.of(outgoing.endpoint);
        CompletableFuture<PooledHttpClient.Answer> answer = client.send(target,
                () -> outgoing.toNetty(userAgent, target.hostHeader()));
        result.whenComplete((done, error) -> {
            if (result.isCancelled()) {
                answer.cancel(true);
            }
        });
        answer.whenComplete((received, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            if (token != null && (received.status() == 401 || received.status() == 407)) {
                tokens.refused(connection, token);
            }
            try {
                result.complete(HttpResults.result(received));
            } catch (ExecutionFailure failure) {
                result.completeExceptionally(failure);
            }
        });
    }

    /** The failure of a call to a host the allow-list does not name. */
    static ExecutionFailure refused(URI endpoint, String who) {
        String host = PooledHttpClient.Target.of(endpoint).hostHeader();
        return new ExecutionFailure(StatesErrors.PERMISSIONS, "The server may not call " + host + " (" + who
                + "): the host is not in its allowed hosts; allow it with serve --http-allow " + host
                + " (or HostAllowList in HttpTasks.Settings)");
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Closes the pooled connections, and the handler's own event loop. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "HTTP tasks (allowed hosts: " + allow + "; " + connections + ")";
    }
}
