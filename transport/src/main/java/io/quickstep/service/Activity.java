package io.quickstep.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** An activity record ({@code ...:activity:NAME}); its tags change under the {@link Registry}'s lock. */
final class Activity {
    final String name;
    final String arn;
    final long creationMillis;
    final Map<String, String> tags = new LinkedHashMap<>();

    Activity(String name, String arn, long creationMillis) {
        this.name = name;
        this.arn = arn;
        this.creationMillis = creationMillis;
    }

    /** ListActivities' item. */
    ObjectNode summary() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("activityArn", arn);
        node.put("name", name);
        node.set("creationDate", Dates.epochSeconds(creationMillis));
        return node;
    }

    /** The stored form. */
    ObjectNode toJson() {
        ObjectNode node = summary();
        ObjectNode tagNode = node.putObject("tags");
        tags.forEach(tagNode::put);
        return node;
    }
}
