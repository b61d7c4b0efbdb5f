package io.quickstep.httptask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.quickstep.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named connections HTTP tasks authenticate with, modelled on Amazon EventBridge's connections
 * (what {@code Authentication.ConnectionArn} refers to on AWS): the credentials live in the
 * server's configuration, never in a definition. The file is a JSON array of EventBridge
 * {@code CreateConnection} requests:
 * <pre>{@code [{"Name": "payments", "AuthorizationType": "API_KEY",
 *   "AuthParameters": {
 *     "ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": "s3cr3t"},
 *     "InvocationHttpParameters": {"HeaderParameters": [{"Key": "x-team", "Value": "orders"}],
 *                                  "QueryStringParameters": [], "BodyParameters": []}}}]}</pre>
 * {@code AuthorizationType} is {@code API_KEY} (ApiKeyAuthParameters: the header ApiKeyName with
 * the value ApiKeyValue), {@code BASIC} (BasicAuthParameters: Username, Password) or
 * {@code OAUTH_CLIENT_CREDENTIALS} (OAuthParameters: AuthorizationEndpoint, HttpMethod GET, POST or
 * PUT, ClientParameters {ClientID, ClientSecret}, optionally OAuthHttpParameters, sent with the
 * token request). {@code InvocationHttpParameters} are merged into every request made with the
 * connection. A definition names a connection by its ARN,
 * {@code arn:PARTITION:events:REGION:ACCOUNT:connection/NAME[/ID]}: the NAME decides, whatever the
 * region, account and id. Secrets are read from the file and never written anywhere: errors name a
 * connection by its name.
 */
public final class HttpConnections {
    /** EventBridge's constraint on a connection's name. */
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern ARN = Pattern.compile("arn:[^:]+:events:[^:]*:[^:]*:connection/([^/]+)(/[^/]*)?");
    private static final HttpConnections NONE = new HttpConnections(Map.of());

    private final Map<String, Connection> byName;

    private HttpConnections(Map<String, Connection> byName) {
        this.byName = byName;
    }

    /** No connections: every HTTP task fails naming the connection it asks for. */
    public static HttpConnections none() {
        return NONE;
    }

    /**
     * The connections of a file in the format the class comment shows. Throws an
     * {@link IllegalArgumentException} naming the file and the place (a JSON Pointer) of the first
     * problem, never a secret.
     */
    public static HttpConnections read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** The connections of JSON text in the file's format; {@code source} names it in errors. */
    public static HttpConnections parse(String json, String source) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON array of connections (EventBridge "
                    + "CreateConnection requests: Name, AuthorizationType, AuthParameters)");
        }
        Map<String, Connection> byName = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            Connection connection = new Fields(source, root.get(i), "/" + i).connection();
            if (byName.put(connection.name, connection) != null) {
                throw new IllegalArgumentException(source + ": /" + i + "/Name: a second connection named '"
                        + connection.name + "'");
            }
        }
        return new HttpConnections(Map.copyOf(byName));
    }

    /** The names of the connections. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The NAME of a connection ARN, or null when {@code arn} is not one. */
    static String nameOf(String arn) {
        Matcher matcher = ARN.matcher(arn);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The connection named {@code name}, or null. */
    Connection named(String name) {
        return byName.get(name);
    }

    @Override
    public String toString() {
        return "connections " + byName.keySet();
    }

    /** Reads one connection object; each problem names the file and the JSON Pointer. */
    private record Fields(String source, JsonNode node, String at) {
        Connection connection() {
            object();
            String name = text("Name");
            if (!NAME.matcher(name).matches()) {
                throw problem("Name", "a connection's name is 1 to 64 letters, digits, '.', '-' or '_'");
            }
            String type = text("AuthorizationType");
            Connection.Authorization authorization;
            try {
                authorization = Connection.Authorization.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw problem("AuthorizationType", "must be API_KEY, BASIC or OAUTH_CLIENT_CREDENTIALS, was '" + type + "'");
            }
            Fields auth = child("AuthParameters", true);
            Connection.Parameters invocation = auth.parameters("InvocationHttpParameters");
            switch (authorization) {
                case API_KEY: {
                    Fields key = auth.child("ApiKeyAuthParameters", true);
                    key.header("ApiKeyName", key.text("ApiKeyName"), key.text("ApiKeyValue"));
                    return Connection.apiKey(name, key.text("ApiKeyName"), key.text("ApiKeyValue"), invocation);
                }
                case BASIC: {
                    Fields basic = auth.child("BasicAuthParameters", true);
                    return Connection.basic(name, basic.text("Username"), basic.text("Password"), invocation);
                }
                default: {
                    Fields oauth = auth.child("OAuthParameters", true);
                    Fields client = oauth.child("ClientParameters", true);
                    String method = oauth.text("HttpMethod").toUpperCase(Locale.ROOT);
                    if (!Set.of("GET", "POST", "PUT").contains(method)) {
                        throw oauth.problem("HttpMethod", "must be GET, POST or PUT");
                    }
                    return Connection.oauth(name, new Connection.OAuth(oauth.url("AuthorizationEndpoint"), method,
                            client.text("ClientID"), client.text("ClientSecret"),
                            oauth.parameters("OAuthHttpParameters")), invocation);
                }
            }
        }

        /** HeaderParameters, QueryStringParameters and BodyParameters, each a list of {Key, Value}. */
        Connection.Parameters parameters(String field) {
            Fields parameters = child(field, false);
            if (parameters == null) {
                return Connection.Parameters.NONE;
            }
            List<Map.Entry<String, String>> headers = parameters.pairs("HeaderParameters");
            for (int i = 0; i < headers.size(); i++) {
                parameters.header("HeaderParameters/" + i, headers.get(i).getKey(), headers.get(i).getValue());
            }
            return new Connection.Parameters(headers, parameters.pairs("QueryStringParameters"),
                    parameters.pairs("BodyParameters"));
        }

        private List<Map.Entry<String, String>> pairs(String field) {
            JsonNode list = node.get(field);
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw problem(field, "expected an array of {\"Key\", \"Value\"} objects");
            }
            List<Map.Entry<String, String>> pairs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Fields pair = new Fields(source, list.get(i), at + "/" + field + "/" + i);
                pair.object();
                pairs.add(Map.entry(pair.text("Key"), pair.text("Value")));
            }
            return List.copyOf(pairs);
        }

        /** Refuses a header Netty would refuse to send (its value is not told: it may be a secret). */
        void header(String field, String name, String value) {
            try {
                new DefaultHttpHeaders().add(name, value);
            } catch (IllegalArgumentException e) {
                throw problem(field, "'" + name + "' with its value is not a valid HTTP header (a token name, "
                        + "a value without CR or LF)");
            }
        }

        private Fields child(String field, boolean required) {
            JsonNode child = node.get(field);
            if (child == null || child.isNull()) {
                if (required) {
                    throw problem(field, "required");
                }
                return null;
            }
            Fields fields = new Fields(source, child, at + "/" + field);
            fields.object();
            return fields;
        }

        private String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw problem(field, "required");
            }
            if (!value.isTextual()) {
                throw problem(field, "expected a string");
            }
            return value.textValue();
        }

        private URI url(String field) {
            String written = text(field);
            try {
                URI uri = new URI(written);
                if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // told below
            }
            throw problem(field, "expected an http:// or https:// URL with a host");
        }

        private void object() {
            if (!node.isObject()) {
                throw new IllegalArgumentException(source + ": " + (at.isEmpty() ? "/" : at) + ": expected an object");
            }
        }

        private IllegalArgumentException problem(String field, String message) {
            return new IllegalArgumentException(source + ": " + at + "/" + field + ": " + message);
        }
    }
}
