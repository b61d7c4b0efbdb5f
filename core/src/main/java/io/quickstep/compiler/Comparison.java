package io.quickstep.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Timestamps;
import io.quickstep.path.JsonPath;

import java.time.Instant;

/**
 * A data-test Choice rule: {@code Variable} compared with a constant or, for the {@code ...Path}
 * operators, with the value at another path. Values of the wrong type never match, as on AWS.
 */
public final class Comparison implements ChoiceCondition {
    /** The comparison family, from the operator's name. */
    enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, STRING_MATCHES, IS_NULL, IS_PRESENT, IS_NUMERIC, IS_STRING,
        IS_BOOLEAN, IS_TIMESTAMP }

    /** The relation, from the operator's suffix. */
    enum Relation { EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS }

    private final JsonPath variable;
    private final Kind kind;
    private final Relation relation;
    private final JsonNode constant;
    private final JsonPath operandPath;
    /** A constant operand's value as a decimal or instant, worked out once; null when not one. */
    private final java.math.BigDecimal constantDecimal;
    private final Instant constantInstant;

    private Comparison(JsonPath variable, Kind kind, Relation relation, JsonNode constant, JsonPath operandPath) {
        this.variable = variable;
        this.kind = kind;
        this.relation = relation;
        this.constant = constant;
        this.operandPath = operandPath;
        this.constantDecimal = constant != null && constant.isNumber() ? constant.decimalValue() : null;
        this.constantInstant = constant == null ? null : Timestamps.of(constant);
    }

    /** Compiles {@code "Variable": variable, operator: operand}. */
    public static Comparison compile(String variable, String operator, JsonNode operand) {
        boolean byPath = operator.endsWith("Path") && !operator.equals("IsPresent");
        String name = byPath ? operator.substring(0, operator.length() - 4) : operator;
        Kind kind;
        Relation relation = null;
        if (name.startsWith("Is")) {
            kind = Kind.valueOf("IS_" + name.substring(2).toUpperCase());
        } else if (name.equals("StringMatches")) {
            kind = Kind.STRING_MATCHES;
        } else {
            String family = name.startsWith("String") ? "String" : name.startsWith("Numeric") ? "Numeric"
                    : name.startsWith("Boolean") ? "Boolean" : "Timestamp";
            kind = Kind.valueOf(family.toUpperCase());
            relation = relation(name.substring(family.length()));
        }
        return new Comparison(JsonPath.compile(variable), kind, relation, byPath ? null : operand,
                byPath ? JsonPath.compile(operand.asText()) : null);
    }

    private static Relation relation(String suffix) {
        switch (suffix) {
            case "Equals": return Relation.EQUALS;
            case "LessThan": return Relation.LESS_THAN;
            case "GreaterThan": return Relation.GREATER_THAN;
            case "LessThanEquals": return Relation.LESS_THAN_EQUALS;
            case "GreaterThanEquals": return Relation.GREATER_THAN_EQUALS;
            default: throw new IllegalArgumentException("unknown comparison '" + suffix + "'");
        }
    }

    @Override
    public boolean test(EvaluationScope scope) {
        JsonNode value = variable.read(scope);
        if (kind == Kind.IS_PRESENT) {
            return (value != null) == constant.asBoolean();
        }
        if (value == null) {
            throw undefined(variable);
        }
        JsonNode operand = constant;
        if (operandPath != null) {
            operand = operandPath.read(scope);
            if (operand == null) {
                throw undefined(operandPath);
            }
        }
        switch (kind) {
            case IS_NULL: return value.isNull() == operand.asBoolean();
            case IS_NUMERIC: return value.isNumber() == operand.asBoolean();
            case IS_STRING: return value.isTextual() == operand.asBoolean();
            case IS_BOOLEAN: return value.isBoolean() == operand.asBoolean();
            case IS_TIMESTAMP: return (Timestamps.of(value) != null) == operand.asBoolean();
            case STRING_MATCHES: return value.isTextual() && operand.isTextual()
                    && StringPattern.matches(operand.asText(), value.asText());
            case STRING: return value.isTextual() && operand.isTextual()
                    && holds(value.asText().compareTo(operand.asText()));
            case NUMERIC: return value.isNumber() && operand.isNumber() && holds(constantDecimal != null
                    && !value.canConvertToExactIntegral() ? value.decimalValue().compareTo(constantDecimal)
                    : compareNumbers(value, operand));
            case BOOLEAN: return value.isBoolean() && operand.isBoolean() && value.asBoolean() == operand.asBoolean();
            case TIMESTAMP: {
                Instant left = Timestamps.of(value);
                Instant right = operandPath == null ? constantInstant : Timestamps.of(operand);
                return left != null && right != null && holds(left.compareTo(right));
            }
            default: throw new IllegalStateException("unhandled comparison " + kind);
        }
    }

    /** Whether the Variable or the operand path is a {@code $$} path. */
    boolean readsContext() {
        return variable.isContextPath() || operandPath != null && operandPath.isContextPath();
    }

    private boolean holds(int order) {
        switch (relation) {
            case EQUALS: return order == 0;
            case LESS_THAN: return order < 0;
            case GREATER_THAN: return order > 0;
            case LESS_THAN_EQUALS: return order <= 0;
            default: return order >= 0;
        }
    }

    static int compareNumbers(JsonNode left, JsonNode right) {
        if (left.canConvertToExactIntegral() && right.canConvertToExactIntegral()
                && left.canConvertToLong() && right.canConvertToLong()) {
            return Long.compare(left.longValue(), right.longValue());
        }
        return left.decimalValue().compareTo(right.decimalValue());
    }

    private static ExecutionFailure undefined(JsonPath path) {
        return new ExecutionFailure(StatesErrors.RUNTIME, "Invalid path '" + path.text()
                + "': The choice state's condition path references an undefined value.");
    }
}
