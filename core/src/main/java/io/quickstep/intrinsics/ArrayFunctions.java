package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quickstep.json.Json;
import io.quickstep.path.JsonEquality;

import java.util.HashSet;
import java.util.Set;

/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayFunctions {
    /** AWS's cap on the length of the array States.ArrayRange builds. */
    static final int MAX_RANGE_ITEMS = 1000;

    private ArrayFunctions() {
    }

    static JsonNode array(String name, JsonNode[] args) {
        ArrayNode result = Json.NODES.arrayNode(args.length);
        for (JsonNode arg : args) {
            result.add(arg);
        }
        return result;
    }

    /** Chunks of {@code size} items, the last one shorter; the size is truncated and must be positive. */
    static JsonNode partition(String name, JsonNode[] args) {
        ArrayNode items = Args.array(args[0], name);
        int size = Args.truncated(args[1], name);
        if (size < 1) {
            throw IntrinsicError.invalidArguments(name);
        }
        ArrayNode chunks = Json.NODES.arrayNode((int) ((items.size() + (long) size - 1) / size));
        for (int start = 0; start < items.size(); start += size) {
            int end = Math.min(items.size(), start + size);
            ArrayNode chunk = Json.NODES.arrayNode(end - start);
            for (int i = start; i < end; i++) {
                chunk.add(items.get(i));
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    static JsonNode contains(String name, JsonNode[] args) {
        for (JsonNode item : Args.array(args[0], name)) {
            if (JsonEquality.equal(item, args[1])) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    /** From start to end inclusive by step; all three truncated, step non-zero, at most 1000 items. */
    static JsonNode range(String name, JsonNode[] args) {
        long start = Args.truncated(args[0], name);
        long end = Args.truncated(args[1], name);
        long step = Args.truncated(args[2], name);
        if (step == 0) {
            throw IntrinsicError.invalidArguments(name);
        }
        long count = (step > 0 ? end < start : end > start) ? 0 : (end - start) / step + 1;
        if (count > MAX_RANGE_ITEMS) {
            throw IntrinsicError.invalidArguments(name);
        }
        ArrayNode result = Json.NODES.arrayNode((int) count);
        for (long i = 0, value = start; i < count; i++, value += step) {
            result.add((int) value);
        }
        return result;
    }

    /**
     * The item at a truncated index; out of range is an error, except that AWS answers null for
     * any index into an empty array.
     */
    static JsonNode getItem(String name, JsonNode[] args) {
        ArrayNode items = Args.array(args[0], name);
        int index = Args.truncated(args[1], name);
        if (items.isEmpty()) {
            return Json.NODES.nullNode();
        }
        if (index < 0 || index >= items.size()) {
            throw IntrinsicError.invalidArguments(name);
        }
        return items.get(index);
    }

    static JsonNode length(String name, JsonNode[] args) {
        return Json.NODES.numberNode(Args.array(args[0], name).size());
    }

    /** The items without repeats, each kept where it first occurs. */
    static JsonNode unique(String name, JsonNode[] args) {
        ArrayNode items = Args.array(args[0], name);
        Set<Key> seen = new HashSet<>();
        ArrayNode result = Json.NODES.arrayNode();
        for (JsonNode item : items) {
            if (seen.add(new Key(item))) {
                result.add(item);
            }
        }
        return result;
    }

    /** A JSON value as a set element, equal by JSON value. */
    private static final class Key {
        private final JsonNode value;
        private final int hash;

        Key(JsonNode value) {
            this.value = value;
            this.hash = JsonEquality.hash(value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && JsonEquality.equal(value, ((Key) other).value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
