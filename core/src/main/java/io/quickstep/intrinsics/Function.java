package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/** The intrinsic functions, with the argument counts the parser enforces. */
enum Function {
    FORMAT("States.Format", 1, Function.ANY, null),
    STRING_TO_JSON("States.StringToJson", 1, 1, JsonFunctions::stringToJson),
    JSON_TO_STRING("States.JsonToString", 1, 1, JsonFunctions::jsonToString),
    JSON_MERGE("States.JsonMerge", 3, 3, JsonFunctions::jsonMerge),
    ARRAY("States.Array", 0, Function.ANY, ArrayFunctions::array),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2, ArrayFunctions::partition),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2, ArrayFunctions::contains),
    ARRAY_RANGE("States.ArrayRange", 3, 3, ArrayFunctions::range),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, ArrayFunctions::getItem),
    ARRAY_LENGTH("States.ArrayLength", 1, 1, ArrayFunctions::length),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1, ArrayFunctions::unique),
    BASE64_ENCODE("States.Base64Encode", 1, 1, StringFunctions::base64Encode),
    BASE64_DECODE("States.Base64Decode", 1, 1, StringFunctions::base64Decode),
    HASH("States.Hash", 2, 2, StringFunctions::hash),
    STRING_SPLIT("States.StringSplit", 2, 2, StringFunctions::split),
    UUID("States.UUID", 0, 0, StringFunctions::uuid),
    MATH_RANDOM("States.MathRandom", 2, 3, MathFunctions::random),
    MATH_ADD("States.MathAdd", 2, 2, MathFunctions::add);

    /** No upper bound on the number of arguments. */
    private static final int ANY = Integer.MAX_VALUE;
    private static final Map<String, Function> BY_NAME = new HashMap<>();

    static {
        for (Function function : values()) {
            BY_NAME.put(function.displayName, function);
        }
    }

    /** How a function computes its result from its evaluated arguments. */
    @FunctionalInterface
    interface Impl {
        JsonNode apply(String name, JsonNode[] args);
    }

    final String displayName;
    final int minArgs;
    final int maxArgs;
    private final Impl impl;

    Function(String displayName, int minArgs, int maxArgs, Impl impl) {
        this.displayName = displayName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.impl = impl;
    }

    /** The function called {@code name} (e.g. {@code States.Hash}), or null. */
    static Function named(String name) {
        return BY_NAME.get(name);
    }

    /** Human-readable argument count for messages: "2", "2 to 3", "at least 1". */
    String arity() {
        if (maxArgs == ANY) {
            return "at least " + minArgs;
        }
        return minArgs == maxArgs ? Integer.toString(minArgs) : minArgs + " to " + maxArgs;
    }

    JsonNode apply(JsonNode[] args) {
        return impl.apply(displayName, args);
    }
}
