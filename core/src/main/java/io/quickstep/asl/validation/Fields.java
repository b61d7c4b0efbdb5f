package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One JSON object of the definition and where it is: typed reads of its members, each reporting a
 * problem at the member's location. A read of an absent member is not a problem; {@link #require}
 * says which members must be present.
 */
final class Fields {
    final Context ctx;
    final ObjectNode node;
    final Location at;

    private Fields(Context ctx, ObjectNode node, Location at) {
        this.ctx = ctx;
        this.node = node;
        this.at = at;
    }

    /** The object at {@code at}, or null after reporting that the value is not an object. */
    static Fields of(Context ctx, JsonNode value, Location at) {
        if (value.isObject()) {
            return new Fields(ctx, (ObjectNode) value, at);
        }
        ctx.schema(Messages.expectedType("OBJECT"), at);
        return null;
    }

    boolean has(String name) {
        return node.has(name);
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    Location at(String name) {
        return at.field(name);
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    void error(String message) {
        ctx.schema(message, at);
    }

    void error(String name, String message) {
        ctx.schema(message, at(name));
    }

    /** Reports the absent ones of {@code names}, in the order given, in one diagnostic. */
    void require(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!has(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            error(Messages.required(missing));
        }
    }

    /** Reports every member whose name is not in {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        for (String name : names()) {
            if (!allowed.contains(name)) {
                error(Messages.notSupported(name));
            }
        }
    }

    /** Reports {@code first} when both members, which exclude each other, are present. */
    void exclusive(String first, String second) {
        if (has(first) && has(second)) {
            error(first, Messages.onlyOne(List.of(first, second)));
        }
    }

    /** The member's text; null when it is absent or, after a report, not a string. */
    String string(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(name, Messages.expectedType("STRING"));
            return null;
        }
        return value.textValue();
    }

    /** A string member that must be one of {@code values}; returns it when it is. */
    String choice(String name, List<String> values) {
        String value = string(name);
        if (value != null && !values.contains(value)) {
            error(name, Messages.oneOf(values));
            return null;
        }
        return value;
    }

    /** Whether the member is {@code true}; reports a member that is not a boolean. */
    boolean isTrue(String name) {
        JsonNode value = get(name);
        if (value != null && !value.isBoolean()) {
            error(name, Messages.expectedType("BOOLEAN"));
        }
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** The member as an object; null when it is absent or, after a report, not an object. */
    Fields object(String name) {
        JsonNode value = get(name);
        return value == null ? null : of(ctx, value, at(name));
    }

    /** The member as an array; null when it is absent or, after a report, not an array or empty. */
    ArrayNode array(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            error(name, Messages.expectedType("ARRAY"));
            return null;
        }
        if (value.isEmpty()) {
            error(name, Messages.EMPTY);
            return null;
        }
        return (ArrayNode) value;
    }

    /**
     * An integer member within {@code [min, max]} ({@code max} null: no upper bound). A JSONata state
     * may give a {@code {% %}} expression instead, evaluated at run time.
     */
    void integer(String name, long min, Long max, QueryLanguage language) {
        JsonNode value = get(name);
        if (value == null || language == QueryLanguage.JSONATA && QueryLanguage.isExpression(value)) {
            return;
        }
        if (!value.isIntegralNumber()) {
            error(name, Messages.INTEGER);
        } else if (value.bigIntegerValue().compareTo(BigInteger.valueOf(min)) < 0) {
            error(name, Messages.minimum(Long.toString(min)));
        } else if (max != null && value.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
            error(name, Messages.maximum(Long.toString(max)));
        }
    }

    /** A number member within {@code [min, max]} ({@code max} null: no upper bound), or a JSONata expression. */
    void number(String name, BigDecimal min, BigDecimal max, QueryLanguage language) {
        JsonNode value = get(name);
        if (value == null || language == QueryLanguage.JSONATA && QueryLanguage.isExpression(value)) {
            return;
        }
        if (!value.isNumber()) {
            error(name, Messages.expectedType("NUMBER"));
        } else if (value.decimalValue().compareTo(min) < 0) {
            error(name, Messages.minimum(min.toPlainString()));
        } else if (max != null && value.decimalValue().compareTo(max) > 0) {
            error(name, Messages.maximum(max.toPlainString()));
        }
    }
}
