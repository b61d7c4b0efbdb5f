package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One request body, read field by field as the operation's model types them: a missing required
 * field or one of the wrong JSON type is AWS's validation error naming it.
 */
final class Request {
    private final JsonNode body;

    Request(JsonNode body) {
        this.body = body == null || !body.isObject() ? MissingNode.getInstance() : body;
    }

    boolean has(String member) {
        JsonNode value = body.get(member);
        return value != null && !value.isNull();
    }

    /** A required string member. */
    String string(String member) {
        String value = optionalString(member);
        if (value == null) {
            throw AwsErrors.validation(null, member, "Member must not be null");
        }
        return value;
    }

    /** An optional string member of at most {@code maxLength} characters, or null. */
    String optionalString(String member, int maxLength) {
        String value = optionalString(member);
        if (value != null && value.length() > maxLength) {
            throw AwsErrors.tooLong(value, member, maxLength);
        }
        return value;
    }

    /** An optional string member, or null. */
    String optionalString(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AwsErrors.serialization(member, "a string");
        }
        return value.textValue();
    }

    boolean bool(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw AwsErrors.serialization(member, "a boolean");
        }
        return value.booleanValue();
    }

    /** An optional integer member, or {@code absent}. */
    int integer(String member, int absent) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw AwsErrors.serialization(member, "an integer");
        }
        return value.intValue();
    }

    /** An optional object member, or null. */
    JsonNode object(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw AwsErrors.serialization(member, "an object");
        }
        return value;
    }

    /** An optional list member; empty when absent. */
    List<JsonNode> list(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw AwsErrors.serialization(member, "a list");
        }
        return toList(value);
    }

    /** An optional string member that must be one of {@code values}, or null. */
    String enumeration(String member, List<String> values) {
        String value = optionalString(member);
        if (value != null && !values.contains(value)) {
            throw AwsErrors.validation(value, member,
                    "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
        return value;
    }

    private static List<JsonNode> toList(JsonNode array) {
        ArrayList<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }
}
