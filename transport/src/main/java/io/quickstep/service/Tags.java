package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags of state machines and activities: TagResource, UntagResource, ListTagsForResource. */
final class Tags {
    static final int MAX_TAGS = 50;
    private static final int MAX_KEY = 128;
    private static final int MAX_VALUE = 256;

    private final Registry registry;

    Tags(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("TagResource", StepFunctionsService.sync(this::tag));
        operations.put("UntagResource", StepFunctionsService.sync(this::untag));
        operations.put("ListTagsForResource", StepFunctionsService.sync(this::list));
    }

    /** The tags of a request's {@code tags} list, in order, later keys replacing earlier ones. */
    static Map<String, String> read(List<JsonNode> tags) {
        Map<String, String> read = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = tag.path("key").textValue();
            String value = tag.path("value").isTextual() ? tag.get("value").textValue() : "";
            if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
                throw AwsErrors.validation(key, "tags.member.key", "Member must have length between 1 and " + MAX_KEY);
            }
            if (value.length() > MAX_VALUE) {
                throw AwsErrors.tooLong(value, "tags.member.value", MAX_VALUE);
            }
            read.put(key, value);
        }
        return read;
    }

    static void add(Map<String, String> tags, Map<String, String> more, String resourceArn) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.putAll(more);
        if (all.size() > MAX_TAGS) {
            throw new AwsException("TooManyTags", "Too many tags: '" + resourceArn + "' would have " + all.size()
                    + " tags, at most " + MAX_TAGS + " are allowed");
        }
        tags.putAll(more);
    }

    private JsonNode tag(Request request) {
        String arn = request.string("resourceArn");
        Map<String, String> more = read(request.list("tags"));
        synchronized (registry) {
            change(arn, tags -> add(tags, more, arn));
        }
        return Json.NODES.objectNode();
    }

    private JsonNode untag(Request request) {
        String arn = request.string("resourceArn");
        List<JsonNode> keys = request.list("tagKeys");
        synchronized (registry) {
            change(arn, tags -> keys.forEach(key -> tags.remove(key.asText())));
        }
        return Json.NODES.objectNode();
    }

    private JsonNode list(Request request) {
        String arn = request.string("resourceArn");
        ObjectNode answer = Json.NODES.objectNode();
        ArrayNode list = answer.putArray("tags");
        synchronized (registry) {
            tagsOf(arn).forEach((key, value) -> list.addObject().put("key", key).put("value", value));
        }
        return answer;
    }

    /** Changes the tags of a resource and saves it. */
    private void change(String arn, java.util.function.Consumer<Map<String, String>> change) {
        change.accept(tagsOf(arn));
        if (Arns.ACTIVITY.equals(Arns.kind(arn))) {
            registry.saved(registry.activity(arn));
        } else {
            registry.saved(registry.machine(arn));
        }
    }

    private Map<String, String> tagsOf(String arn) {
        String[] parts = registry.arns.parse(arn, Arns.STATE_MACHINE, Arns.ACTIVITY);
        if (Arns.ACTIVITY.equals(Arns.kind(arn))) {
            Activity activity = registry.activity(arn);
            if (activity != null) {
                return activity.tags;
            }
        } else if (parts.length == 1 && registry.machine(arn) != null) {
            return registry.machine(arn).tags;
        }
        throw AwsErrors.resourceNotFound(arn);
    }
}
