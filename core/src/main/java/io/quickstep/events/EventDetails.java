package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The details object of each event type, as AWS writes it, from the fields recorded in an
 * {@link EventBuffer}: which fields each type has, in AWS's order, told to a {@link DetailsWriter}
 * (a tree for GetExecutionHistory, {@link DetailsTree}; a CloudWatch Logs record,
 * {@link CloudWatchWriter}). Inputs and outputs are never truncated here (the engine's payload limit
 * is AWS's), so every {@code truncated} is false.
 */
final class EventDetails {
    /** Fields per event in the buffer's arrays. */
    static final int TEXTS = 4;
    static final int VALUES = 2;
    static final int NUMBERS = 2;
    /** Where the service integrations' resources begin: {@code arn:aws:states:::lambda:invoke}. */
    private static final String INTEGRATION = ":states:::";

    private EventDetails() {
    }

    /** The details object of one event, or null for a type without. */
    static ObjectNode of(EventType type, String name, String error, String cause, String extra, JsonNode value,
                         JsonNode assigned, long number, long number2) {
        if (type.detailsKey() == null) {
            return null;
        }
        DetailsTree tree = new DetailsTree();
        write(type, name, error, cause, extra, value, assigned, number, number2, tree);
        return tree.node();
    }

    /** Tells {@code details} the fields of one event's details, in order; nothing for a type without. */
    static void write(EventType type, String name, String error, String cause, String extra, JsonNode value,
                      JsonNode assigned, long number, long number2, DetailsWriter details) {
        if (type.detailsKey() == null) {
            return;
        }
        switch (type.kind()) {
            case ENTERED -> {
                details.text("name", name);
                details.data("input", value);
                return;
            }
            case EXITED -> {
                details.text("name", name);
                details.data("output", value);
                if (assigned != null) {
                    details.data("assignedVariables", assigned);
                }
                return;
            }
            default -> {
            }
        }
        switch (type) {
            case ExecutionStarted -> {
                details.data("input", value);
                details.text("roleArn", name);
            }
            case ExecutionSucceeded, LambdaFunctionSucceeded, ActivitySucceeded -> details.data("output", value);
            case ExecutionFailed, ExecutionTimedOut, ExecutionAborted, LambdaFunctionFailed, LambdaFunctionTimedOut,
                    MapRunFailed, ActivityFailed, ActivityTimedOut -> withError(details, error, cause);
            case TaskScheduled -> {
                withResource(details, name);
                details.text("region", extra);
                details.parameters(value);
                withLimits(details, number, number2);
            }
            case TaskStarted -> withResource(details, name);
            case TaskSucceeded, TaskSubmitted -> {
                withResource(details, name);
                details.data("output", value);
            }
            case TaskFailed, TaskTimedOut -> {
                withResource(details, name);
                withError(details, error, cause);
            }
            case ActivityStarted -> {
                if (name != null) {
                    details.text("workerName", name);
                }
            }
            case LambdaFunctionScheduled, ActivityScheduled -> {
                details.text("resource", name);
                details.data("input", value);
                withLimits(details, number, number2);
            }
            case MapStateStarted -> details.number("length", number);
            case MapIterationStarted, MapIterationSucceeded, MapIterationFailed, MapIterationAborted -> {
                details.text("name", name);
                details.number("index", number);
            }
            case MapRunStarted -> details.text("mapRunArn", name);
            case EvaluationFailed -> {
                details.text("state", name);
                withError(details, error, cause);
                if (extra != null) {
                    details.text("location", extra);
                }
            }
            default -> throw new IllegalStateException("no details for " + type);
        }
    }

    /**
     * Tells {@code writer} the fields of a details object as read ({@link HistoryEvent#details()}):
     * for events that were not recorded by an {@link EventBuffer}.
     */
    static void replay(ObjectNode details, DetailsWriter writer) {
        if (details == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = details.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "input", "output", "assignedVariables" -> writer.data(name, value);
                case "parameters" -> writer.parameters(value);
                case "inputDetails", "outputDetails", "assignedVariablesDetails" -> {
                    // told with their field
                }
                default -> {
                    if (value.isIntegralNumber()) {
                        writer.number(name, value.longValue());
                    } else {
                        writer.text(name, value.isNull() ? null : value.asText());
                    }
                }
            }
        }
    }

    /** Error and cause, each left out when absent (an empty cause too, as AWS leaves it out). */
    private static void withError(DetailsWriter details, String error, String cause) {
        if (error != null) {
            details.text("error", error);
        }
        if (cause != null && !cause.isEmpty()) {
            details.text("cause", cause);
        }
    }

    /** {@code resourceType} and {@code resource}: {@code lambda} and {@code invoke} for {@code arn:aws:states:::lambda:invoke}. */
    private static void withResource(DetailsWriter details, String resourceArn) {
        int integration = resourceArn.indexOf(INTEGRATION);
        String path = integration < 0 ? resourceArn : resourceArn.substring(integration + INTEGRATION.length());
        int split = path.lastIndexOf(':');
        details.text("resourceType", split < 0 ? path : path.substring(0, split));
        details.text("resource", path.substring(split + 1));
    }

    /** TimeoutSeconds and HeartbeatSeconds, where the state set them. */
    private static void withLimits(DetailsWriter details, long timeoutSeconds, long heartbeatSeconds) {
        if (timeoutSeconds >= 0) {
            details.number("timeoutInSeconds", timeoutSeconds);
        }
        if (heartbeatSeconds >= 0) {
            details.number("heartbeatInSeconds", heartbeatSeconds);
        }
    }
}
