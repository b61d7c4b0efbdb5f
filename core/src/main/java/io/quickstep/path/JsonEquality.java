package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Equality of JSON values as JSONPath filters and the array intrinsics need it: numbers by value
 * ({@code 1} equals {@code 1.0}, whatever Jackson node holds them), objects as unordered member
 * sets, arrays in order. Jackson's own {@code equals} tells an int node from a decimal one.
 */
public final class JsonEquality {

    private JsonEquality() {
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> member : a.properties()) {
                JsonNode other = b.get(member.getKey());
                if (other == null || !equal(member.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** A hash consistent with {@link #equal}. */
    public static int hash(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().hashCode();
        }
        if (node.isObject()) {
            int hash = 1;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                hash += member.getKey().hashCode() ^ hash(member.getValue());
            }
            return hash;
        }
        if (node.isArray()) {
            int hash = 7;
            for (JsonNode item : node) {
                hash = 31 * hash + hash(item);
            }
            return hash;
        }
        return node.hashCode();
    }
}
