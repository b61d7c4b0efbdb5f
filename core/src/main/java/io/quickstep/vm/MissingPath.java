package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.JsonPath;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains why a path found nothing, in the words AWS quotes from its JSONPath library:
 * {@code No results for path: $['a']['b']} when only the last step is missing,
 * {@code Missing property in path $['a']} when an earlier one is.
 */
final class MissingPath {
    private MissingPath() {
    }

    static String describe(JsonPath path, JsonNode root) {
        List<String> names = simpleNames(path.text());
        if (names == null) {
            return "No results for path: " + path.text();
        }
        StringBuilder normalized = new StringBuilder("$");
        JsonNode node = root;
        for (int i = 0; i < names.size(); i++) {
            normalized.append("['").append(names.get(i)).append("']");
            JsonNode child = node == null ? null : node.get(names.get(i));
            if (child == null && i < names.size() - 1) {
                return "Missing property in path " + normalized;
            }
            node = child;
        }
        return "No results for path: " + normalized;
    }

    /** The property names of a {@code $.a.b.c} path, or null for any other form. */
    private static List<String> simpleNames(String text) {
        if (!text.startsWith("$.")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : text.substring(2).split("\\.", -1)) {
            if (part.isEmpty() || part.contains("[") || part.contains("*")) {
                return null;
            }
            names.add(part);
        }
        return names;
    }
}
