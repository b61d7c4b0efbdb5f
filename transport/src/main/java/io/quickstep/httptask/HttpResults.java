package io.quickstep.httptask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpUtil;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An answer as the HTTP Task's result, in AWS's shape:
 * <pre>{@code {"Headers": {"content-type": ["application/json"], ...}, "ResponseBody": ...,
 *  "StatusCode": 200, "StatusText": "OK"}}</pre>
 * Headers by name as the server wrote them (names differing in case only are one header), each
 * with the list of its values; ResponseBody the parsed JSON when the answer's Content-Type is
 * JSON ({@code application/json} or {@code +json}) and the body parses, else the body as text (in
 * the Content-Type's charset, UTF-8 when it names none). An answer whose status is not 2xx fails
 * the task with {@code States.Http.StatusCode.<status>}; its cause is that same shape as JSON
 * text, so that a Catch can read what the server said (AWS documents the error names, not the
 * cause's text: this is Quickstep's choice).
 */
final class HttpResults {
    /** "States.Http.StatusCode." and the status: the error of an answer that is not 2xx. */
    static final String STATUS_CODE = "States.Http.StatusCode.";

    private HttpResults() {
    }

    static JsonNode result(PooledHttpClient.Answer answer) {
        String contentType = header(answer, "content-type");
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (unsupported(media)) {
            // AWS's HTTP Task refuses binary answers ("Unsupported HTTP Task responses"); the error is
            // not recorded here, and States.TaskFailed lets Retry and Catch see it.
            throw new ExecutionFailure(StatesErrors.TASK_FAILED, "The HTTP Task cannot take an answer of Content-Type "
                    + media + " (status " + answer.status() + "): binary answers are not supported");
        }
        ObjectNode result = Json.NODES.objectNode();
        result.set("Headers", headers(answer));
        result.set("ResponseBody", body(answer, media, contentType));
        result.put("StatusCode", answer.status());
        result.put("StatusText", answer.reason());
        if (answer.status() / 100 != 2) {
            throw new ExecutionFailure(STATUS_CODE + answer.status(), Json.write(result));
        }
        return result;
    }

    private static boolean unsupported(String media) {
        return media.equals("application/octet-stream") || media.startsWith("image/") || media.startsWith("audio/")
                || media.startsWith("video/");
    }

    private static ObjectNode headers(PooledHttpClient.Answer answer) {
        ObjectNode headers = Json.NODES.objectNode();
        Map<String, ArrayNode> byName = new HashMap<>();
        for (Map.Entry<String, String> header : answer.headers()) {
            byName.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> headers.putArray(header.getKey()))
                    .add(header.getValue());
        }
        return headers;
    }

    private static JsonNode body(PooledHttpClient.Answer answer, String media, String contentType) {
        Charset charset = contentType == null ? StandardCharsets.UTF_8
                : HttpUtil.getCharset(contentType, StandardCharsets.UTF_8);
        String text = new String(answer.body(), charset);
        if ((media.equals("application/json") || media.endsWith("+json")) && !text.isBlank()) {
            try {
                return Json.parse(text);
            } catch (JsonProcessingException notJson) {
                // kept as text, as the body is
            }
        }
        return Json.NODES.textNode(text);
    }

    private static String header(PooledHttpClient.Answer answer, String name) {
        for (Map.Entry<String, String> header : answer.headers()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
