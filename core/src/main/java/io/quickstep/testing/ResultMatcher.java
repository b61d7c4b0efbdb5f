package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an expected JSON value of the conformance corpus with what the engine produced.
 *
 * <ul>
 *   <li>Objects compare as unordered key sets, arrays in order, numbers by value ({@code 1} equals
 *       {@code 1.0}), booleans never equal numbers, strings exactly.</li>
 *   <li>A placeholder is {@code <}letter...{@code >} inside an expected string ({@code <uuid:1>},
 *       {@code <ArnPart_0idx>}). An expected string that is exactly one placeholder matches any
 *       value; otherwise each placeholder matches any run of characters, possibly empty.</li>
 *   <li>{@code ignore} holds paths such as {@code $.cause} or {@code $.output.Foo}: nothing at or
 *       below them is compared, and keys named by them may be missing or extra.</li>
 * </ul>
 */
public final class ResultMatcher {
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][^<>]*>");
    private static final int SHOWN_KEYS = 5;

    private ResultMatcher() {
    }

    /** The first difference as a one-line {@code path: expected X, got Y}, or null when they match. */
    public static String diff(JsonNode expected, JsonNode actual, Set<String> ignore) {
        return diff(expected, actual, "$", ignore);
    }

    /** As {@link #diff(JsonNode, JsonNode, Set)} for values found at {@code path}. */
    public static String diff(JsonNode expected, JsonNode actual, String path, Set<String> ignore) {
        if (ignore.contains(path)) {
            return null;
        }
        JsonNode got = actual == null || actual.isMissingNode() ? NullNode.getInstance() : actual;
        if (expected.isTextual() && isPlaceholder(expected.textValue())) {
            return null;
        }
        if (expected.isTextual() && got.isTextual()) {
            return textMatches(expected.textValue(), got.textValue())
                    ? null : path + ": " + textDiff(expected.textValue(), got.textValue());
        }
        if (kind(expected) != kind(got)) {
            return mismatch(path, expected, got);
        }
        if (expected.isObject()) {
            return objectDiff(expected, got, path, ignore);
        }
        if (expected.isArray()) {
            if (expected.size() != got.size()) {
                return path + ": expected " + expected.size() + " items, got " + got.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = diff(expected.get(i), got.get(i), path + "[" + i + "]", ignore);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isNumber()) {
            return expected.decimalValue().compareTo(got.decimalValue()) == 0 ? null : mismatch(path, expected, got);
        }
        return expected.equals(got) ? null : mismatch(path, expected, got);
    }

    /** True when {@code text} is exactly one placeholder. */
    public static boolean isPlaceholder(String text) {
        return PLACEHOLDER.matcher(text).matches();
    }

    /** Whether {@code actual} matches {@code expected}, whose placeholders stand for any run of characters. */
    public static boolean textMatches(String expected, String actual) {
        Matcher m = PLACEHOLDER.matcher(expected);
        if (!m.find()) {
            return expected.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        do {
            regex.append(Pattern.quote(expected.substring(literalStart, m.start()))).append(".*?");
            literalStart = m.end();
        } while (m.find());
        regex.append(Pattern.quote(expected.substring(literalStart)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    /** Both strings around their first differing character. */
    static String textDiff(String expected, String actual) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 25);
        return "expected " + quote(window(expected, from, i + 45)) + ", got " + quote(window(actual, from, i + 45));
    }

    /** A value as short one-line JSON, cut at {@code max} characters. */
    static String shortJson(JsonNode value, int max) {
        String text = value == null ? "null" : Json.write(value);
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String objectDiff(JsonNode expected, JsonNode actual, String path, Set<String> ignore) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!actual.has(key) && !ignore.contains(path + "." + key)) {
                missing.add(key);
            }
        }
        for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!expected.has(key) && !ignore.contains(path + "." + key)) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            return path + ": keys missing " + first(missing) + " / unexpected " + first(unexpected);
        }
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (actual.has(key)) {
                String d = diff(expected.get(key), actual.get(key), path + "." + key, ignore);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The kind JSON values are compared by; booleans and numbers are different kinds. */
    private static JsonNodeType kind(JsonNode value) {
        return value.isMissingNode() ? JsonNodeType.NULL : value.getNodeType();
    }

    private static String mismatch(String path, JsonNode expected, JsonNode actual) {
        return path + ": expected " + shortJson(expected, 80) + ", got " + shortJson(actual, 80);
    }

    private static List<String> first(List<String> keys) {
        return keys.subList(0, Math.min(SHOWN_KEYS, keys.size()));
    }

    private static String window(String text, int from, int to) {
        return (from > 0 ? "..." : "") + text.substring(from, Math.min(to, text.length()))
                + (text.length() > to ? "..." : "");
    }

    private static String quote(String text) {
        return Json.write(Json.NODES.textNode(text));
    }
}
