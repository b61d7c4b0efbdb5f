package io.quickstep.httptask;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON object as an {@code application/x-www-form-urlencoded} body, as AWS's HTTP Task encodes
 * its RequestBody with {@code "Transform": {"RequestBodyEncoding": "URL_ENCODED"}}: a member is
 * {@code key=value}; a nested object's members are {@code key[member]=value}; an array's items follow
 * the ArrayFormat ({@code {"a": ["x", "y"]}}):
 * <ul>
 *   <li>INDICES (the default): {@code a[0]=x&a[1]=y};
 *   <li>REPEAT: {@code a=x&a=y};
 *   <li>COMMAS: {@code a=x,y} (the items encoded, the commas between them not; an array holding
 *   objects or arrays is written as INDICES: commas cannot hold them);
 *   <li>BRACKETS: {@code a[]=x&a[]=y}.
 * </ul>
 * Keys and values are percent-encoded (brackets too, as {@code %5B} and {@code %5D}, which servers
 * decode alike); null is an empty value, numbers and booleans their JSON text.
 */
final class FormEncoding {
    enum ArrayFormat { INDICES, REPEAT, COMMAS, BRACKETS }

    private FormEncoding() {
    }

    static String encode(JsonNode object, ArrayFormat format) {
        StringBuilder form = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            append(form, member.getKey(), member.getValue(), format);
        }
        return form.toString();
    }

    private static void append(StringBuilder form, String key, JsonNode value, ArrayFormat format) {
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> members = value.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                append(form, key + "[" + member.getKey() + "]", member.getValue(), format);
            }
        } else if (value.isArray()) {
            ArrayFormat itemFormat = format == ArrayFormat.COMMAS && !allScalars(value) ? ArrayFormat.INDICES : format;
            if (itemFormat == ArrayFormat.COMMAS) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode item : value) {
                    joined.append(joined.length() == 0 ? "" : ",").append(encoded(scalar(item)));
                }
                separate(form).append(encoded(key)).append('=').append(joined);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                String itemKey = switch (itemFormat) {
                    case INDICES -> key + "[" + i + "]";
                    case BRACKETS -> key + "[]";
                    default -> key;
                };
                append(form, itemKey, value.get(i), format);
            }
        } else {
            pair(form, key, scalar(value));
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A scalar's text as a form, a header or a query carries it; null as an empty value. */
    static String scalar(JsonNode value) {
        return value.isNull() ? "" : value.isTextual() ? value.textValue() : value.toString();
    }

    private static void pair(StringBuilder form, String key, String value) {
        separate(form).append(encoded(key)).append('=').append(encoded(value));
    }

    private static StringBuilder separate(StringBuilder form) {
        return form.length() > 0 ? form.append('&') : form;
    }

    /** {@code key=value} pairs percent-encoded, joined by '&amp;' (a query string, a form). */
    static String pairs(List<Map.Entry<String, String>> pairs) {
        StringBuilder joined = new StringBuilder();
        pairs.forEach(pair -> pair(joined, pair.getKey(), pair.getValue()));
        return joined.toString();
    }

    /** Percent-encoded as HTML forms are (a space is '+'). */
    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
