package io.quickstep.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Conversion between Jackson values and the Java values of the JSONata library (String, Boolean,
 * Integer/Long/Double, Map, List, {@link Jsonata#NULL_VALUE}). A value goes in as the library builds
 * it from a JSONata literal: null as {@code NULL_VALUE} at any depth (the library's JSON parser uses
 * Java null inside objects and arrays instead, which its evaluator then reads as nothing: a null
 * array item would vanish from {@code $map} and index as undefined), numbers as Integer, Long or
 * Double (its deep equality tells them apart). Objects and arrays go in as lazy views and come back
 * as the nodes they wrap, so a value JSONata only passes through is never copied. Numbers come back
 * as JSON parsing would make them: a whole number as an int or long node, whatever arithmetic
 * produced it, anything else as an exact decimal of the double.
 */
final class JsonataValues {
    private static final double LONG_LIMIT = 0x1p63;

    private JsonataValues() {
    }

    /** A JSON value as JSONata reads it. */
    static Object toJsonata(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> new ObjectView(value);
            case ARRAY -> new ArrayView(value);
            case STRING -> value.textValue();
            case BOOLEAN -> value.booleanValue();
            case NUMBER -> value.isIntegralNumber() && value.canConvertToLong()
                    ? Utils.convertNumber(value.longValue())
                    : Utils.convertNumber(value.doubleValue());
            case NULL -> Jsonata.NULL_VALUE;
            default -> throw new IllegalArgumentException("Not a JSON value: " + value.getNodeType());
        };
    }

    /** The JSON form of a defined JSONata value; throws {@link UnsupportedResultException} for a function or regex. */
    static JsonNode toJson(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof String text) {
            return Json.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return Json.NODES.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof ObjectView view) {
            return view.node();
        }
        if (value instanceof ArrayView view) {
            return view.node();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.NODES.objectNode();
            map.forEach((key, member) -> object.set(String.valueOf(key), toJson(member)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode(list.size());
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        throw new UnsupportedResultException();
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Long) {
            return whole(number.longValue());
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new UnsupportedResultException();
        }
        if (value == Math.rint(value) && Math.abs(value) < LONG_LIMIT) {
            return whole((long) value);
        }
        return Json.NODES.numberNode(BigDecimal.valueOf(value));
    }

    private static JsonNode whole(long value) {
        return (int) value == value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }

    /** A JSONata result JSON cannot hold: a function, a regular expression, a non-finite number. */
    static final class UnsupportedResultException extends RuntimeException {
        UnsupportedResultException() {
            super(null, null, false, false);
        }
    }
}
