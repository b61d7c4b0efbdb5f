package io.quickstep.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A state machine with its versions, aliases and tags. Changed only under the {@link Registry}'s
 * lock; the current revision is volatile so that starts read it without the lock.
 */
final class StateMachineEntry {
    final String name;
    final String arn;
    final String type;
    final long creationMillis;
    private volatile Revision current;
    final Map<String, String> tags = new LinkedHashMap<>();
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    final Map<String, Alias> aliases = new LinkedHashMap<>();
    /** Version numbers are never reused, even after the newest version is deleted. */
    int nextVersion = 1;

    StateMachineEntry(String name, String arn, String type, long creationMillis, Revision current) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.creationMillis = creationMillis;
        this.current = current;
    }

    Revision current() {
        return current;
    }

    void update(Revision revision) {
        current = revision;
    }

    boolean standard() {
        return StepFunctionsService.STANDARD.equals(type);
    }

    /** The newest version, or null. */
    Version latestVersion() {
        return versions.isEmpty() ? null : versions.lastEntry().getValue();
    }

    /** The stored form: everything but the compiled machines. */
    ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("name", name);
        node.put("type", type);
        node.set("creationDate", Dates.epochSeconds(creationMillis));
        node.set("revision", current.toJson());
        ObjectNode tagNode = node.putObject("tags");
        tags.forEach(tagNode::put);
        node.put("nextVersion", nextVersion);
        ArrayNode versionList = node.putArray("versions");
        versions.values().forEach(v -> versionList.add(v.toJson()));
        ArrayNode aliasList = node.putArray("aliases");
        aliases.values().forEach(a -> aliasList.add(a.describe()));
        return node;
    }
}
