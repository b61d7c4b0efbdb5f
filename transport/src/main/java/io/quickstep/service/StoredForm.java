package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads the resources the data directory holds, in the form their {@code toJson()} methods write. */
final class StoredForm {
    private final Arns arns;

    StoredForm(Arns arns) {
        this.arns = arns;
    }

    StateMachineEntry stateMachine(JsonNode json) {
        String name = json.get("name").textValue();
        String type = json.get("type").textValue();
        StateMachineEntry entry = new StateMachineEntry(name, arns.stateMachine(name), type,
                Dates.millis(json.get("creationDate")), revision(name, type, json.get("revision")));
        json.path("tags").fields().forEachRemaining(tag -> entry.tags.put(tag.getKey(), tag.getValue().textValue()));
        entry.nextVersion = json.get("nextVersion").intValue();
        for (JsonNode v : json.path("versions")) {
            int number = v.get("number").intValue();
            entry.versions.put(number, new Version(Arns.qualified(entry.arn, Integer.toString(number)), entry.arn,
                    number, text(v, "description"), Dates.millis(v.get("creationDate")),
                    revision(name, type, v.get("revision"))));
        }
        for (JsonNode a : json.path("aliases")) {
            List<Alias.Route> routes = new ArrayList<>();
            a.get("routingConfiguration").forEach(r -> routes.add(
                    new Alias.Route(r.get("stateMachineVersionArn").textValue(), r.get("weight").intValue())));
            Alias alias = new Alias(a.get("stateMachineAliasArn").textValue(), entry.arn, a.get("name").textValue(),
                    text(a, "description"), List.copyOf(routes), Dates.millis(a.get("creationDate")),
                    Dates.millis(a.get("updateDate")));
            entry.aliases.put(alias.name(), alias);
        }
        return entry;
    }

    Activity activity(JsonNode json) {
        String name = json.get("name").textValue();
        Activity activity = new Activity(name, arns.activity(name), Dates.millis(json.get("creationDate")));
        json.path("tags").fields().forEachRemaining(tag -> activity.tags.put(tag.getKey(), tag.getValue().textValue()));
        return activity;
    }

    private static Revision revision(String name, String type, JsonNode json) {
        return Definitions.revision(name, type, json.get("definition").textValue(), json.get("roleArn").textValue(),
                json.get("loggingConfiguration"), json.get("tracingConfiguration"), text(json, "revisionId"),
                Dates.millis(json.get("updateDate")), true); // accepted when saved: loaded whatever the rules now
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
