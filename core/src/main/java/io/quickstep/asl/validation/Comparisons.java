package io.quickstep.asl.validation;

import java.util.List;

/** The comparison operators of JSONPath Choice rules, and the operand each one takes. */
final class Comparisons {
    static final List<String> NAMES = List.of("StringEquals", "StringEqualsPath", "StringLessThan",
            "StringLessThanPath", "StringGreaterThan", "StringGreaterThanPath", "StringLessThanEquals",
            "StringLessThanEqualsPath", "StringGreaterThanEquals", "StringGreaterThanEqualsPath", "StringMatches",
            "NumericEquals", "NumericEqualsPath", "NumericLessThan", "NumericLessThanPath", "NumericGreaterThan",
            "NumericGreaterThanPath", "NumericLessThanEquals", "NumericLessThanEqualsPath", "NumericGreaterThanEquals",
            "NumericGreaterThanEqualsPath", "BooleanEquals", "BooleanEqualsPath", "TimestampEquals",
            "TimestampEqualsPath", "TimestampLessThan", "TimestampLessThanPath", "TimestampGreaterThan",
            "TimestampGreaterThanPath", "TimestampLessThanEquals", "TimestampLessThanEqualsPath",
            "TimestampGreaterThanEquals", "TimestampGreaterThanEqualsPath", "IsNull", "IsPresent", "IsNumeric",
            "IsString", "IsBoolean", "IsTimestamp");

    private Comparisons() {
    }

    /**
     * The operand of {@code operator} in {@code rule}: a Reference Path for the ...Path operators, a
     * number for Numeric ones, a boolean for BooleanEquals and the Is... tests, otherwise a string
     * (timestamps are compared as RFC 3339 text at run time).
     */
    static void checkOperand(Fields rule, String operator) {
        if (operator.endsWith("Path")) {
            PathRules.rulePath(rule, operator);
        } else if (operator.startsWith("Numeric")) {
            if (!rule.get(operator).isNumber()) {
                rule.error(operator, Messages.expectedType("NUMBER"));
            }
        } else if (operator.startsWith("Boolean") || operator.startsWith("Is")) {
            rule.isTrue(operator);
        } else {
            rule.string(operator);
        }
    }
}
