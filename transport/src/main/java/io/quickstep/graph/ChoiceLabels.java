package io.quickstep.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.model.ChoiceRule;
import io.quickstep.json.Json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Choice rule as a person reads it: {@code $.total > 50}, {@code $.kind == "gift" and $.qty >= 10},
 * {@code $.email is present}; a JSONata condition as written, without its {@code {% %}}.
 */
final class ChoiceLabels {
    private static final List<String> TYPES = List.of("String", "Numeric", "Boolean", "Timestamp");

    private ChoiceLabels() {
    }

    static String condition(ChoiceRule rule) {
        return switch (rule.operator()) {
            case "Condition" -> jsonata(rule.operand());
            case "And" -> join(rule.children(), " and ");
            case "Or" -> join(rule.children(), " or ");
            case "Not" -> "not " + grouped(rule.children().get(0));
            default -> comparison(rule);
        };
    }

    private static String join(List<ChoiceRule> rules, String operator) {
        return rules.stream().map(ChoiceLabels::grouped).collect(Collectors.joining(operator));
    }

    /** A nested rule, in parentheses when it is itself And or Or. */
    private static String grouped(ChoiceRule rule) {
        String text = condition(rule);
        return rule.operator().equals("And") || rule.operator().equals("Or") ? "(" + text + ")" : text;
    }

    private static String jsonata(JsonNode condition) {
        String text = condition.isTextual() ? condition.asText() : Json.write(condition);
        if (text.startsWith("{%") && text.endsWith("%}")) {
            text = text.substring(2, text.length() - 2);
        }
        return text.strip();
    }

    /** {@code Variable op operand}; a {@code ...Path} operator's operand is the path itself. */
    private static String comparison(ChoiceRule rule) {
        String operator = rule.operator();
        String variable = rule.variable() == null ? "" : rule.variable();
        if (operator.startsWith("Is")) {
            String property = operator.substring(2).toLowerCase();
            boolean positive = rule.operand().asBoolean();
            return variable + (positive ? " is " : " is not ") + property;
        }
        boolean path = operator.endsWith("Path");
        String test = path ? operator.substring(0, operator.length() - 4) : operator;
        for (String type : TYPES) {
            if (test.startsWith(type)) {
                test = test.substring(type.length());
            }
        }
        String symbol = switch (test) {
            case "Equals" -> "==";
            case "LessThan" -> "<";
            case "GreaterThan" -> ">";
            case "LessThanEquals" -> "<=";
            case "GreaterThanEquals" -> ">=";
            case "Matches" -> "matches";
            default -> operator;
        };
        String operand = path ? rule.operand().asText() : Json.write(rule.operand());
        return variable + " " + symbol + " " + operand;
    }
}
