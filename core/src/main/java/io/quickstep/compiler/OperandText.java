package io.quickstep.compiler;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quickstep.path.JsonPath;

import java.util.List;
import java.util.StringJoiner;

/**
 * The {@link Disassembler}'s text for constant-pool entries: templates, task, Map, Wait and Fail
 * settings, Retry rules. Settings read as their ASL field names with their values, absent ones left
 * out; string constants are quoted, paths and intrinsic calls are not.
 */
final class OperandText {
    private OperandText() {
    }

    /** A payload template as written, its selectors keeping their {@code .$} keys: {@code {id.$: $.id, n: 1}}. */
    static String template(PayloadTemplate template) {
        if (template instanceof PayloadTemplate.ObjectTemplate object) {
            List<String> keys = object.keys();
            List<PayloadTemplate> values = object.values();
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < keys.size(); i++) {
                PayloadTemplate value = values.get(i);
                fields.add(keys.get(i) + (isSelector(value) ? ".$: " : ": ") + template(value));
            }
            return fields.toString();
        }
        if (template instanceof PayloadTemplate.ArrayTemplate array) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            array.items().forEach(item -> items.add(template(item)));
            return items.toString();
        }
        if (template instanceof PayloadTemplate.PathSelector path) {
            return path.path().text();
        }
        if (template instanceof PayloadTemplate.IntrinsicSelector call) {
            return call.expression();
        }
        return ((PayloadTemplate.Constant) template).value().toString();
    }

    private static boolean isSelector(PayloadTemplate template) {
        return template instanceof PayloadTemplate.PathSelector
                || template instanceof PayloadTemplate.IntrinsicSelector;
    }

    static String task(TaskSpec task) {
        return fields("Resource", task.resource(), "TimeoutSeconds", task.timeoutSeconds(),
                "TimeoutSecondsPath", task.timeoutSecondsPath(), "TimeoutSeconds", task.timeoutExpression(),
                "HeartbeatSeconds", task.heartbeatSeconds(), "HeartbeatSecondsPath", task.heartbeatSecondsPath(),
                "HeartbeatSeconds", task.heartbeatExpression());
    }

    static String map(MapSpec map) {
        return fields("ItemsPath", map.itemsPath(), "ItemSelector", map.itemSelector(),
                "MaxConcurrency", map.maxConcurrency(), "MaxConcurrencyPath", map.maxConcurrencyPath(),
                "ToleratedFailurePercentage", map.toleratedFailurePercentage(),
                "ToleratedFailurePercentagePath", map.toleratedFailurePercentagePath(),
                "ToleratedFailureCount", map.toleratedFailureCount(),
                "ToleratedFailureCountPath", map.toleratedFailureCountPath(),
                "Items", map.jsonata() == null ? null : map.jsonata().items(),
                "ItemSelector", map.jsonata() == null ? null : map.jsonata().itemSelector());
    }

    /** A JSONata field: its expression, or its template as JSON when it is not one expression. */
    static String jsonata(JsonataField field) {
        return field.template().expression() != null ? "{% " + field.template().expression().text().strip() + " %}"
                : field.template().toString();
    }

    static String assign(AssignSpec assign) {
        return assign.jsonata() != null ? jsonata(assign.jsonata())
                : template(assign.jsonPath()) + (assign.fromResult() ? " from result" : " from input");
    }

    static String wait(WaitSpec wait) {
        return fields("Seconds", wait.seconds(), "Timestamp", wait.timestamp(), "SecondsPath", wait.secondsPath(),
                "TimestampPath", wait.timestampPath(), "Seconds", wait.secondsExpression(),
                "Timestamp", wait.timestampExpression());
    }

    static String fail(FailSpec fail) {
        return fields("Error", fail.error(), "ErrorPath", fail.errorPath(), "Error", fail.errorExpression(),
                "Cause", fail.cause(), "CausePath", fail.causePath(), "Cause", fail.causeExpression());
    }

    /** The compiled rule: times in milliseconds, the delay cap and jitter only when set. */
    static String retry(RetryPolicy retry) {
        return "[" + String.join(", ", retry.errorEquals()) + "] interval " + retry.intervalMillis()
                + "ms, max attempts " + retry.maxAttempts() + ", backoff " + retry.backoffRate()
                + (retry.maxDelayMillis() == Long.MAX_VALUE ? "" : ", max delay " + retry.maxDelayMillis() + "ms")
                + (retry.fullJitter() ? ", full jitter" : "");
    }

    /** {@code name value} pairs joined by commas, leaving out null values. */
    private static String fields(Object... namesAndValues) {
        StringJoiner fields = new StringJoiner(", ");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                fields.add(namesAndValues[i] + " " + value(value));
            }
        }
        return fields.toString();
    }

    /** Numbers and JSON constants as compact JSON; strings quoted. */
    private static String value(Object value) {
        if (value instanceof JsonPath path) {
            return path.text();
        }
        if (value instanceof PayloadTemplate template) {
            return template(template);
        }
        if (value instanceof JsonataField field) {
            return jsonata(field);
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text).toString();
        }
        return value.toString();
    }
}
