package io.quickstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.model.Catcher;
import io.quickstep.asl.model.ChoiceRule;
import io.quickstep.asl.model.Definition;
import io.quickstep.asl.model.Retrier;
import io.quickstep.asl.model.State;
import io.quickstep.asl.model.StateDetails;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the immutable model from a definition tree that the validator has accepted: it trusts
 * the structure and only maps fields, filling in the spec's defaults.
 */
public final class DefinitionParser {
    private static final List<String> COMPOUND = List.of("And", "Or", "Not");

    private DefinitionParser() {
    }

    public static Definition parse(JsonNode root) {
        return parse(root, text(root, "QueryLanguage", "JSONPath"));
    }

    private static Definition parse(JsonNode node, String inheritedLanguage) {
        String language = text(node, "QueryLanguage", inheritedLanguage);
        Map<String, State> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.get("States").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            states.put(field.getKey(), state(field.getKey(), field.getValue(), language));
        }
        JsonNode timeout = node.get("TimeoutSeconds");
        return new Definition(node.get("StartAt").asText(), states, language,
                timeout == null ? null : timeout.asInt());
    }

    private static State state(String name, JsonNode node, String machineLanguage) {
        String type = node.get("Type").asText();
        String language = text(node, "QueryLanguage", machineLanguage);
        JsonNode parameters = node.has("Arguments") ? node.get("Arguments") : node.get("Parameters");
        return new State(name, type, language, text(node, "Next", null), node.path("End").asBoolean(false),
                path(node, "InputPath"), parameters, node.get("ResultSelector"), path(node, "ResultPath"),
                path(node, "OutputPath"), node.get("Output"), node.get("Assign"),
                retriers(node.get("Retry")), catchers(node.get("Catch")), details(type, node, machineLanguage));
    }

    /**
     * The type-specific fields. States inside a Parallel or Map inherit the machine's query language,
     * not their parent state's (as AWS does).
     */
    private static StateDetails details(String type, JsonNode node, String machineLanguage) {
        switch (type) {
            case "Pass":
                return new StateDetails.Pass(node.get("Result"));
            case "Task":
                return new StateDetails.Task(node.get("Resource").asText(),
                        intOrNull(node, "TimeoutSeconds"), text(node, "TimeoutSecondsPath", null),
                        expression(node, "TimeoutSeconds"),
                        intOrNull(node, "HeartbeatSeconds"), text(node, "HeartbeatSecondsPath", null),
                        expression(node, "HeartbeatSeconds"));
            case "Choice":
                List<ChoiceRule> rules = new ArrayList<>();
                for (JsonNode rule : node.path("Choices")) {
                    rules.add(rule(rule));
                }
                return new StateDetails.Choice(List.copyOf(rules), text(node, "Default", null));
            case "Wait":
                return new StateDetails.Wait(node.get("Seconds"), node.get("Timestamp"),
                        text(node, "SecondsPath", null), text(node, "TimestampPath", null));
            case "Succeed":
                return new StateDetails.Succeed();
            case "Fail":
                return new StateDetails.Fail(node.get("Error"), text(node, "ErrorPath", null),
                        node.get("Cause"), text(node, "CausePath", null));
            case "Parallel":
                List<Definition> branches = new ArrayList<>();
                for (JsonNode branch : node.path("Branches")) {
                    branches.add(parse(branch, machineLanguage));
                }
                return new StateDetails.Parallel(List.copyOf(branches));
            case "Map":
                return map(node, machineLanguage);
            default:
                throw new IllegalArgumentException("unknown state type '" + type + "' passed validation");
        }
    }

    private static StateDetails.Map map(JsonNode node, String language) {
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
        return new StateDetails.Map(parse(processor, language), path(node, "ItemsPath"), node.get("Items"), selector,
                node.get("MaxConcurrency"), text(node, "MaxConcurrencyPath", null),
                node.get("ToleratedFailurePercentage"), text(node, "ToleratedFailurePercentagePath", null),
                node.get("ToleratedFailureCount"), text(node, "ToleratedFailureCountPath", null),
                "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText()),
                text(node, "Label", null));
    }

    private static ChoiceRule rule(JsonNode node) {
        String next = text(node, "Next", null);
        JsonNode output = node.get("Output");
        JsonNode assign = node.get("Assign");
        if (node.has("Condition")) {
            return new ChoiceRule("Condition", null, node.get("Condition"), List.of(), next, output, assign);
        }
        for (String compound : COMPOUND) {
            JsonNode operands = node.get(compound);
            if (operands != null) {
                List<ChoiceRule> children = new ArrayList<>();
                if (operands.isArray()) {
                    operands.forEach(child -> children.add(rule(child)));
                } else {
                    children.add(rule(operands));
                }
                return new ChoiceRule(compound, null, null, List.copyOf(children), next, output, assign);
            }
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("Variable") && !name.equals("Next") && !name.equals("Comment")
                    && !name.equals("Output") && !name.equals("Assign")) {
                return new ChoiceRule(name, text(node, "Variable", null), node.get(name), List.of(), next,
                        output, assign);
            }
        }
        throw new IllegalArgumentException("choice rule without operator passed validation");
    }

    private static List<Retrier> retriers(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<Retrier> result = new ArrayList<>();
        for (JsonNode node : array) {
            result.add(new Retrier(strings(node.get("ErrorEquals")),
                    node.path("IntervalSeconds").asInt(1), node.path("MaxAttempts").asInt(3),
                    node.path("BackoffRate").asDouble(2.0), intOrNull(node, "MaxDelaySeconds"),
                    text(node, "JitterStrategy", "NONE")));
        }
        return List.copyOf(result);
    }

    private static List<Catcher> catchers(JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<Catcher> result = new ArrayList<>();
        for (JsonNode node : array) {
            result.add(new Catcher(strings(node.get("ErrorEquals")), path(node, "ResultPath"),
                    node.get("Next").asText(), node.get("Output"), node.get("Assign")));
        }
        return List.copyOf(result);
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> result.add(item.asText()));
        }
        return List.copyOf(result);
    }

    /** A path field: "$" when absent, null when JSON null. */
    private static String path(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return "$";
        }
        return value.isNull() ? null : value.asText();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asInt() : null;
    }

    /** A JSONata expression given where a number is expected, e.g. {@code "TimeoutSeconds": "{% $t %}"}. */
    private static JsonNode expression(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value : null;
    }
}
