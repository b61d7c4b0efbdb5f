package io.quickstep.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The access tokens of OAUTH_CLIENT_CREDENTIALS connections, as EventBridge keeps them: asked for
 * once (an OAuth 2.0 client-credentials grant, RFC 6749 section 4.4: the client id and secret as
 * HTTP Basic authorization, {@code grant_type=client_credentials} and the connection's
 * OAuthHttpParameters), shared by every call until it expires ({@code expires_in}) or an API
 * answers 401 or 407, which EventBridge documents as refreshing it. A failed grant is not kept:
 * the next call asks again. Calls wait for a token being fetched rather than each asking.
 */
final class OAuthTokens {
    /** The error of a connection that cannot authorize (Quickstep's choice, after AWS's Events.ConnectionResource.* errors). */
    static final String INVALID_CONNECTION = "Events.ConnectionResource.InvalidConnectionState";

    private final PooledHttpClient client;
    private final HostAllowList allow;
    private final String userAgent;

    OAuthTokens(PooledHttpClient client, HostAllowList allow, String userAgent) {
        this.client = client;
        this.allow = allow;
        this.userAgent = userAgent;
    }

    /** The connection's token: the one in use, the one being fetched, or a new one. */
    CompletableFuture<Connection.Token> token(Connection connection) {
        CompletableFuture<Connection.Token> current = connection.token;
        if (usable(current)) {
            return current;
        }
        synchronized (connection) {
            current = connection.token;
            if (!usable(current)) {
                current = fetch(connection);
                connection.token = current;
            }
            return current;
        }
    }

    /** An API refused {@code token} (401 or 407): the next call gets a new one. */
    void refused(Connection connection, Connection.Token token) {
        synchronized (connection) {
            CompletableFuture<Connection.Token> current = connection.token;
            if (current != null && current.isDone() && !current.isCompletedExceptionally() && current.join() == token) {
                connection.token = null;
            }
        }
    }

    private static boolean usable(CompletableFuture<Connection.Token> token) {
        if (token == null || token.isCompletedExceptionally()) {
            return false;
        }
        return !token.isDone() || System.nanoTime() - token.join().renewAt() < 0;
    }

    private CompletableFuture<Connection.Token> fetch(Connection connection) {
        Connection.OAuth oauth = connection.oauth;
        if (!allow.allows(oauth.endpoint())) {
            return CompletableFuture.failedFuture(HttpTasks.refused(oauth.endpoint(), connection + "'s OAuth endpoint"));
        }
        PooledHttpClient.Target target = PooledHttpClient.Target.of(oauth.endpoint());
        return client.send(target, () -> request(oauth, target)).thenApply(answer -> {
            if (answer.status() / 100 != 2) {
                throw new ExecutionFailure(INVALID_CONNECTION, connection + " could not authorize: " + oauth
                        + " answered " + answer.status() + " " + answer.reason());
            }
            JsonNode grant;
            try {
                grant = Json.parse(new String(answer.body(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                grant = null;
            }
            JsonNode token = grant == null ? null : grant.get("access_token");
            if (token == null || !token.isTextual()) {
                throw new ExecutionFailure(INVALID_CONNECTION, connection + " could not authorize: " + oauth
                        + " answered without an access_token");
            }
            JsonNode expiresIn = grant.get("expires_in");
            long renewAt = Long.MAX_VALUE;
            if (expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0) {
                long seconds = expiresIn.asLong();
                // renewed a little early, so that a call does not carry a token that expires on the way
                renewAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds - Math.min(30, seconds / 10));
            }
            return new Connection.Token(token.textValue(), renewAt);
        });
    }

    /** The grant request: Basic client authorization, the connection's OAuthHttpParameters. */
    private FullHttpRequest request(Connection.OAuth oauth, PooledHttpClient.Target target) {
        URI endpoint = oauth.endpoint();
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        String query = Stream.of(endpoint.getRawQuery(), FormEncoding.pairs(oauth.parameters().query()))
                .filter(part -> part != null && !part.isEmpty()).collect(Collectors.joining("&"));
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("grant_type", "client_credentials"));
        form.addAll(oauth.parameters().body());
        boolean hasBody = !oauth.method().equals("GET");
        byte[] body = hasBody ? FormEncoding.pairs(form).getBytes(StandardCharsets.UTF_8) : new byte[0];
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(oauth.method()),
                query.isEmpty() ? path : path + "?" + query, Unpooled.wrappedBuffer(body));
        HttpHeaders headers = request.headers();
        oauth.parameters().headers().forEach(pair -> headers.add(pair.getKey(), pair.getValue()));
        headers.set(HttpHeaderNames.HOST, target.hostHeader());
        headers.set(HttpHeaderNames.USER_AGENT, userAgent);
        headers.set(HttpHeaderNames.AUTHORIZATION, Connection.basicAuthorization(oauth.clientId(), oauth.clientSecret()));
        headers.set(HttpHeaderNames.ACCEPT, "application/json");
        if (hasBody) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        return request;
    }
}
