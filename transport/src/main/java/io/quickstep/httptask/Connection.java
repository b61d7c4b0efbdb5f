package io.quickstep.httptask;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One connection of {@link HttpConnections}: how requests made with it are authorized and the
 * parameters merged into them. Its secrets stay in here: {@link #toString()} names it only.
 */
final class Connection {
    enum Authorization { API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS }

    /** Header, query string and body parameters, in the order the file lists them. */
    record Parameters(List<Map.Entry<String, String>> headers, List<Map.Entry<String, String>> query,
                      List<Map.Entry<String, String>> body) {
        static final Parameters NONE = new Parameters(List.of(), List.of(), List.of());
    }

    /** An OAuth client-credentials grant: where and how the token is asked for. */
    record OAuth(URI endpoint, String method, String clientId, String clientSecret, Parameters parameters) {
        @Override
        public String toString() {
            return "OAuth at " + endpoint.getScheme() + "://" + endpoint.getAuthority() + endpoint.getPath();
        }
    }

    /** An access token and when it is to be replaced (a System.nanoTime; Long.MAX_VALUE: when refused). */
    record Token(String value, long renewAt) {
        @Override
        public String toString() {
            return "an access token";
        }
    }

    final String name;
    final Authorization authorization;
    /** API_KEY: the header and its value; BASIC: the Authorization header's value; else null. */
    final String header;
    final String headerValue;
    /** OAUTH_CLIENT_CREDENTIALS, else null. */
    final OAuth oauth;
    final Parameters invocation;
    /** The token being fetched or in use (OAuth only); replaced when it expires or is refused. */
    volatile CompletableFuture<Token> token;

    private Connection(String name, Authorization authorization, String header, String headerValue, OAuth oauth,
                       Parameters invocation) {
        this.name = name;
        this.authorization = authorization;
        this.header = header;
        this.headerValue = headerValue;
        this.oauth = oauth;
        this.invocation = invocation;
    }

    static Connection apiKey(String name, String keyName, String keyValue, Parameters invocation) {
        return new Connection(name, Authorization.API_KEY, keyName, keyValue, null, invocation);
    }

    static Connection basic(String name, String username, String password, Parameters invocation) {
        return new Connection(name, Authorization.BASIC, "Authorization", basicAuthorization(username, password),
                null, invocation);
    }

    static Connection oauth(String name, OAuth oauth, Parameters invocation) {
        return new Connection(name, Authorization.OAUTH_CLIENT_CREDENTIALS, null, null, oauth, invocation);
    }

    /** The value of an Authorization header for HTTP Basic authentication (RFC 7617, UTF-8). */
    static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "connection '" + name + "'";
    }
}
