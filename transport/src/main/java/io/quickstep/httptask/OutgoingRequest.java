package io.quickstep.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request an HTTP Task's parameters describe ({@code ApiEndpoint}, {@code Method},
 * {@code Headers}, {@code QueryParameters}, {@code RequestBody}, {@code Transform},
 * {@code Authentication.ConnectionArn}), with its connection's parameters merged in. Parameters that
 * cannot make a request fail the task with {@code States.Runtime}, in the words AWS uses for the
 * parameters of any service integration ("The Parameters '...' could not be used to start the
 * Task: [...]", after the "An error occurred while executing the state ..." the engine puts first).
 */
final class OutgoingRequest {
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    /**
     * The headers AWS's HTTP Task refuses from a definition (its page "Call HTTPS APIs in Step
     * Functions workflows", field Headers), plus Content-Length and Range, which the call sets.
     */
    private static final Set<String> REFUSED_HEADERS = Set.of("a-im", "accept-charset", "accept-datetime",
            "accept-encoding", "cache-control", "connection", "content-encoding", "content-length", "content-md5",
            "date", "expect", "forwarded", "from", "host", "http2-settings", "if-match", "if-modified-since",
            "if-none-match", "if-range", "if-unmodified-since", "max-forwards", "origin", "pragma",
            "proxy-authorization", "range", "referer", "server", "te", "trailer", "transfer-encoding", "upgrade",
            "via", "warning");
    private static final List<String> REFUSED_PREFIXES = List.of("x-forwarded-", "x-amz-", "x-amzn-");
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The part of an answer a task reads at most. */
    private static final String RANGE = "bytes=0-" + HttpTasks.MAX_RESPONSE_BYTES;

    final String method;
    /** ApiEndpoint without its query string (which is in {@link #query}). */
    final URI endpoint;
    final String connectionArn;
    /** The connection's name, from {@link #connectionArn}. */
    final String connectionName;
    final Map<String, List<String>> query = new LinkedHashMap<>();
    final HttpHeaders headers = new DefaultHttpHeaders();
    /** RequestBody: null when there is none; a string is sent as it is. */
    JsonNode body;
    final boolean urlEncoded;
    final FormEncoding.ArrayFormat arrayFormat;

    private OutgoingRequest(String method, URI endpoint, String connectionArn, String connectionName,
                            boolean urlEncoded, FormEncoding.ArrayFormat arrayFormat) {
        this.method = method;
        this.endpoint = endpoint;
        this.connectionArn = connectionArn;
        this.connectionName = connectionName;
        this.urlEncoded = urlEncoded;
        this.arrayFormat = arrayFormat;
    }

    /** The request of a state's effective parameters. */
    static OutgoingRequest of(JsonNode parameters) {
        Problems problems = new Problems(parameters);
        if (parameters == null || !parameters.isObject()) {
            throw problems.fail("The Parameters of an HTTP Task must be an object");
        }
        URI endpoint = endpoint(problems, problems.text(parameters, "ApiEndpoint"));
        String method = problems.text(parameters, "Method").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw problems.fail("The value for the field 'Method' must be one of " + List.of("GET", "POST", "PUT",
                    "DELETE", "PATCH", "OPTIONS", "HEAD"));
        }
        JsonNode authentication = parameters.has("Authentication") ? parameters.get("Authentication")
                : parameters.get("InvocationConfig");
        if (authentication == null) {
            throw problems.fail("The field 'Authentication' is required but was missing");
        }
        String arn = problems.text(authentication, "ConnectionArn");
        String connectionName = HttpConnections.nameOf(arn);
        if (connectionName == null) {
            throw problems.fail("The value for the field 'ConnectionArn' must be an EventBridge connection ARN "
                    + "(arn:aws:events:REGION:ACCOUNT:connection/NAME[/ID])");
        }
        JsonNode transform = parameters.get("Transform");
        boolean urlEncoded = false;
        FormEncoding.ArrayFormat format = FormEncoding.ArrayFormat.INDICES;
        if (transform != null && !transform.isNull()) {
            if (!transform.isObject()) {
                throw problems.fail("The value for the field 'Transform' must be an object");
            }
            String encoding = problems.optionalText(transform, "RequestBodyEncoding", "NONE");
            if (!encoding.equals("NONE") && !encoding.equals("URL_ENCODED")) {
                throw problems.fail("The value for the field 'RequestBodyEncoding' must be NONE or URL_ENCODED");
            }
            urlEncoded = encoding.equals("URL_ENCODED");
            JsonNode options = transform.get("RequestEncodingOptions");
            if (options != null && !options.isNull()) {
                String written = problems.optionalText(options, "ArrayFormat", "INDICES");
                try {
                    format = FormEncoding.ArrayFormat.valueOf(written);
                } catch (IllegalArgumentException e) {
                    throw problems.fail("The value for the field 'ArrayFormat' must be INDICES, REPEAT, COMMAS or "
                            + "BRACKETS");
                }
            }
        }
        OutgoingRequest request = new OutgoingRequest(method, withoutQuery(endpoint), arn, connectionName, urlEncoded,
                format);
        new QueryStringDecoder(endpoint).parameters().forEach((name, values) ->
                request.query.put(name, new ArrayList<>(values)));
        request.headers(problems, parameters.get("Headers"));
        request.queryParameters(problems, parameters.get("QueryParameters"));
        JsonNode body = parameters.get("RequestBody");
        request.body = body == null || body.isNull() ? null : body;
        return request;
    }

    private static URI endpoint(Problems problems, String written) {
        try {
            URI uri = new URI(written);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // told below
        }
        throw problems.fail("The value for the field 'ApiEndpoint' must be an https:// (or http://) URL with a host");
    }

    private static URI withoutQuery(URI uri) {
        try {
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost(), uri.getPort(),
                    uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e); // parts of a URI that parsed
        }
    }

    private void headers(Problems problems, JsonNode written) {
        if (written == null || written.isNull()) {
            return;
        }
        if (!written.isObject()) {
            throw problems.fail("The value for the field 'Headers' must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> header = fields.next();
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (REFUSED_HEADERS.contains(lower) || REFUSED_PREFIXES.stream().anyMatch(lower::startsWith)) {
                throw problems.fail("The header '" + name + "' is not supported in an HTTP Task's Headers");
            }
            for (String value : problems.scalars(header.getValue(), "Headers", name)) {
                try {
                    headers.add(name, value); // Netty checks the name is a token, the value free of CR and LF
                } catch (IllegalArgumentException e) {
                    throw problems.fail("The header '" + name + "' is not a valid HTTP header name and value");
                }
            }
        }
    }

    private void queryParameters(Problems problems, JsonNode written) {
        if (written == null || written.isNull()) {
            return;
        }
        if (!written.isObject()) {
            throw problems.fail("The value for the field 'QueryParameters' must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> parameter = fields.next();
            query.put(parameter.getKey(), problems.scalars(parameter.getValue(), "QueryParameters", parameter.getKey()));
        }
    }

    /**
     * Merges a connection's parameters in, as AWS merges a connection's with the task's: on the same
     * header name or query key the connection's value wins; body parameters are set as members of
     * an object RequestBody (the connection's value winning too). A string RequestBody cannot take
     * them: that fails the task, naming the connection (not its values).
     */
    void merge(Connection connection) {
        Connection.Parameters parameters = connection.invocation;
        parameters.headers().forEach(header -> headers.remove(header.getKey()));
        parameters.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        parameters.query().forEach(pair -> query.remove(pair.getKey()));
        parameters.query().forEach(pair -> query.computeIfAbsent(pair.getKey(), key -> new ArrayList<>())
                .add(pair.getValue()));
        if (parameters.body().isEmpty()) {
            return;
        }
        if (body != null && !body.isObject()) {
            throw new ExecutionFailure(StatesErrors.RUNTIME, connection + " has body parameters, which merge into "
                    + "an object RequestBody only; this state's RequestBody is a "
                    + body.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        // Only top-level members are set: a shallow copy leaves the state's RequestBody as it was.
        ObjectNode merged = Json.NODES.objectNode();
        if (body != null) {
            merged.setAll((ObjectNode) body);
        }
        parameters.body().forEach(pair -> merged.put(pair.getKey(), pair.getValue()));
        body = merged;
    }

    /**
     * The request as Netty sends it, with the headers AWS's HTTP Task adds: into this request's own
     * headers (made for this one call; setting them again gives the same).
     */
    FullHttpRequest toNetty(String userAgent, String hostHeader) {
        byte[] content = content();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method),
                pathAndQuery(), Unpooled.wrappedBuffer(content), headers, new DefaultHttpHeaders());
        HttpHeaders sent = request.headers();
        sent.set(HttpHeaderNames.HOST, hostHeader);
        // What AWS's HTTP Task sends along (its TestState inspection data shows both).
        sent.set(HttpHeaderNames.USER_AGENT, userAgent);
        sent.set(HttpHeaderNames.RANGE, RANGE);
        if (urlEncoded && body != null && body.isContainerNode()) {
            sent.set(HttpHeaderNames.CONTENT_TYPE, FORM);
        } else if (body != null && !sent.contains(HttpHeaderNames.CONTENT_TYPE)) {
            sent.set(HttpHeaderNames.CONTENT_TYPE, JSON);
        }
        if (content.length > 0 || body != null || !method.equals("GET") && !method.equals("HEAD")) {
            sent.setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        }
        return request;
    }

    private byte[] content() {
        if (body == null) {
            return new byte[0];
        }
        if (body.isTextual()) {
            return body.textValue().getBytes(StandardCharsets.UTF_8);
        }
        if (urlEncoded && body.isObject()) {
            return FormEncoding.encode(body, arrayFormat).getBytes(StandardCharsets.UTF_8);
        }
        return Json.writeBytes(body);
    }

    private String pathAndQuery() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(value -> pairs.add(Map.entry(name, value))));
        return pairs.isEmpty() ? endpoint.getRawPath() : endpoint.getRawPath() + "?" + FormEncoding.pairs(pairs);
    }

    /** The endpoint for messages: scheme, host, port and path; never the query, which may hold a key. */
    @Override
    public String toString() {
        return endpoint.toString();
    }

    /** Failures of parameters, in AWS's words. */
    private record Problems(JsonNode parameters) {
        ExecutionFailure fail(String problem) {
            return new ExecutionFailure(StatesErrors.RUNTIME, "The Parameters '"
                    + (parameters == null ? "null" : Json.write(parameters))
                    + "' could not be used to start the Task: [" + problem + "]");
        }

        String text(JsonNode object, String field) {
            JsonNode value = object.isObject() ? object.get(field) : null;
            if (value == null || value.isNull()) {
                throw fail("The field '" + field + "' is required but was missing");
            }
            if (!value.isTextual()) {
                throw fail("The value for the field '" + field + "' must be a STRING");
            }
            return value.textValue();
        }

        String optionalText(JsonNode object, String field, String absent) {
            JsonNode value = object.get(field);
            return value == null || value.isNull() ? absent : text(object, field);
        }

        /** A scalar as one value, an array of scalars as several; null as an empty value. */
        List<String> scalars(JsonNode value, String field, String key) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (item.isContainerNode()) {
                    throw fail("The value of '" + key + "' in the field '" + field + "' must be a string, number, "
                            + "boolean or an array of them");
                }
                values.add(FormEncoding.scalar(item));
            }
            return values;
        }
    }
}
