package io.quickstep.asl.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One Choice rule, top-level or nested. {@code operator} is {@code And}, {@code Or}, {@code Not},
 * a comparison operator such as {@code NumericGreaterThanPath}, or {@code Condition} for a JSONata
 * rule.
 *
 * @param variable the Variable path of a comparison, else null
 * @param operand  the comparison's value (for a {@code ...Path} operator, the path as a text node);
 *                 for {@code Condition}, the condition
 * @param children the operands of And/Or/Not
 * @param next     the state to go to when a top-level rule matches; null for nested rules
 */
public record ChoiceRule(String operator, String variable, JsonNode operand, List<ChoiceRule> children,
                         String next, JsonNode output, JsonNode assign) {
}
