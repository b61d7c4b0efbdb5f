package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Choice state's rules. A JSONata rule is a Condition; a JSONPath rule is a Variable with exactly
 * one comparison, or an And, Or or Not of nested rules. Only top-level rules have Next (and Assign,
 * Output); nested ones only test.
 */
final class ChoiceRules {
    private static final List<String> SELECTORS = List.of("And", "Or", "Not", "Variable", "Condition");
    private static final Set<String> TOP_LEVEL = Set.of("Next", "Assign", "Output", "Comment");

    private ChoiceRules() {
    }

    static void check(StateNode state) {
        Fields fields = state.fields;
        fields.require("Choices");
        JsonNode rules = fields.array("Choices");
        for (int i = 0; rules != null && i < rules.size(); i++) {
            Fields rule = Fields.of(state.ctx(), rules.get(i), fields.at("Choices").index(i));
            if (rule != null) {
                topLevel(state, rule);
            }
        }
        String fallback = fields.string("Default");
        if (fallback != null) {
            state.transition(fallback, fields.at("Default"));
        }
    }

    private static void topLevel(StateNode state, Fields rule) {
        state.checkMembers(rule, field -> TOP_LEVEL.contains(field) || isTest(field));
        rule.require("Next");
        String next = rule.string("Next");
        if (next != null) {
            state.transition(next, rule.at("Next"));
        }
        if (rule.has("Assign")) {
            StateRules.assign(state, rule);
        }
        rule.string("Comment");
        test(state, rule);
    }

    private static void nested(StateNode state, Fields rule) {
        state.checkMembers(rule, field -> field.equals("Comment") || isTest(field));
        rule.string("Comment");
        test(state, rule);
    }

    private static boolean isTest(String field) {
        return SELECTORS.contains(field) || Comparisons.NAMES.contains(field);
    }

    /** What the rule tests; a field of the other language was reported by checkMembers. */
    private static void test(StateNode state, Fields rule) {
        List<String> selectors = present(rule, SELECTORS);
        if (selectors.size() != 1) {
            rule.error(Messages.ONE_SELECTOR);
            return;
        }
        String selector = selectors.get(0);
        if (!state.usable(rule, selector)) {
            return;
        }
        switch (selector) {
            case "Condition" -> condition(rule);
            case "Variable" -> comparison(rule);
            case "Not" -> {
                Fields operand = rule.object("Not");
                if (operand != null) {
                    nested(state, operand);
                }
            }
            default -> {
                JsonNode operands = rule.array(selector);
                for (int i = 0; operands != null && i < operands.size(); i++) {
                    Fields operand = Fields.of(state.ctx(), operands.get(i), rule.at(selector).index(i));
                    if (operand != null) {
                        nested(state, operand);
                    }
                }
            }
        }
        if (!selector.equals("Variable")) {
            present(rule, Comparisons.NAMES).forEach(operator -> rule.error(Messages.notSupported(operator)));
        }
    }

    /** A JSONata condition: an expression (not parsed here) or a boolean constant. */
    private static void condition(Fields rule) {
        JsonNode condition = rule.get("Condition");
        if (!condition.isTextual() && !condition.isBoolean()) {
            rule.error("Condition", Messages.expectedType("STRING"));
        }
    }

    private static void comparison(Fields rule) {
        PathRules.rulePath(rule, "Variable");
        List<String> operators = present(rule, Comparisons.NAMES);
        if (operators.size() == 1) {
            Comparisons.checkOperand(rule, operators.get(0));
        } else {
            rule.error(operators.isEmpty() ? Messages.exactlyOne(Comparisons.NAMES) : Messages.onlyOne(Comparisons.NAMES));
        }
    }

    private static List<String> present(Fields rule, List<String> names) {
        List<String> present = new ArrayList<>();
        for (String name : names) {
            if (rule.has(name)) {
                present.add(name);
            }
        }
        return present;
    }
}
