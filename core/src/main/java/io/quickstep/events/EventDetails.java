package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/**
 * The details object of each event type, as AWS writes it, made from the fields recorded in an
 * {@link EventBuffer}. Inputs and outputs are never truncated here (the engine's payload limit is
 * AWS's), so every {@code truncated} is false.
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

    static ObjectNode of(EventType type, String name, String error, String cause, String extra, JsonNode value,
                         JsonNode assigned, long number, long number2) {
        if (type.detailsKey() == null) {
            return null;
        }
        ObjectNode details = Json.NODES.objectNode();
        switch (type.kind()) {
            case ENTERED -> {
                details.put("name", name);
                withValue(details, "input", value);
                return details;
            }
            case EXITED -> {
                details.put("name", name);
                withValue(details, "output", value);
                if (assigned != null) {
                    withValue(details, "assignedVariables", assigned);
                }
                return details;
            }
            default -> {
            }
        }
        switch (type) {
            case ExecutionStarted -> {
                withValue(details, "input", value);
                details.put("roleArn", name);
            }
            case ExecutionSucceeded, LambdaFunctionSucceeded -> withValue(details, "output", value);
            case ExecutionFailed, ExecutionTimedOut, ExecutionAborted, LambdaFunctionFailed, LambdaFunctionTimedOut,
                    MapRunFailed -> withError(details, error, cause);
            case TaskScheduled -> {
                withResource(details, name);
                details.put("region", extra);
                details.set("parameters", value);
                withLimits(details, number, number2);
            }
            case TaskStarted -> withResource(details, name);
            case TaskSucceeded -> {
                withResource(details, name);
                withValue(details, "output", value);
            }
            case TaskFailed, TaskTimedOut -> {
                withResource(details, name);
                withError(details, error, cause);
            }
            case LambdaFunctionScheduled -> {
                details.put("resource", name);
                withValue(details, "input", value);
                withLimits(details, number, number2);
            }
            case MapStateStarted -> details.put("length", number);
            case MapIterationStarted, MapIterationSucceeded, MapIterationFailed, MapIterationAborted -> {
                details.put("name", name);
                details.put("index", number);
            }
            case MapRunStarted -> details.put("mapRunArn", name);
            case EvaluationFailed -> {
                details.put("state", name);
                withError(details, error, cause);
                if (extra != null) {
                    details.put("location", extra);
                }
            }
            default -> throw new IllegalStateException("no details for " + type);
        }
        return details;
    }

    /** A value with its {@code <field>Details}; a missing value (a state that outputs nothing) is null. */
    private static void withValue(ObjectNode details, String field, JsonNode value) {
        details.set(field, value == null ? Json.NODES.nullNode() : value);
        details.putObject(field + "Details").put("truncated", false);
    }

    /** Error and cause, each left out when absent (an empty cause too, as AWS leaves it out). */
    private static void withError(ObjectNode details, String error, String cause) {
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null && !cause.isEmpty()) {
            details.put("cause", cause);
        }
    }

    /** {@code resourceType} and {@code resource}: {@code lambda} and {@code invoke} for {@code arn:aws:states:::lambda:invoke}. */
    private static void withResource(ObjectNode details, String resourceArn) {
        int integration = resourceArn.indexOf(INTEGRATION);
        String path = integration < 0 ? resourceArn : resourceArn.substring(integration + INTEGRATION.length());
        int split = path.lastIndexOf(':');
        details.put("resourceType", split < 0 ? path : path.substring(0, split));
        details.put("resource", path.substring(split + 1));
    }

    /** TimeoutSeconds and HeartbeatSeconds, where the state set them. */
    private static void withLimits(ObjectNode details, long timeoutSeconds, long heartbeatSeconds) {
        if (timeoutSeconds >= 0) {
            details.put("timeoutInSeconds", timeoutSeconds);
        }
        if (heartbeatSeconds >= 0) {
            details.put("heartbeatInSeconds", heartbeatSeconds);
        }
    }
}
