package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion. */
final class Versions {
    private static final int MAX_DESCRIPTION = 256;

    private final Registry registry;

    Versions(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("PublishStateMachineVersion", StepFunctionsService.sync(this::publish));
        operations.put("ListStateMachineVersions", StepFunctionsService.sync(this::list));
        operations.put("DeleteStateMachineVersion", StepFunctionsService.sync(this::delete));
    }

    /**
     * Publishes the current revision as a new version, or answers the newest version when it holds
     * that revision already (publishing is idempotent, as on AWS). Call holding the registry's lock;
     * the caller saves the machine.
     */
    Version publish(StateMachineEntry entry, String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw AwsErrors.validation(description, "description",
                    "Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
        Revision current = entry.current();
        Version latest = entry.latestVersion();
        if (latest != null && sameRevision(latest.revision(), current)) {
            return latest;
        }
        int number = entry.nextVersion++;
        Version version = new Version(Arns.qualified(entry.arn, Integer.toString(number)), entry.arn, number,
                description, registry.now(), current);
        entry.versions.put(number, version);
        return version;
    }

    private static boolean sameRevision(Revision a, Revision b) {
        return a == b || Objects.equals(a.revisionId(), b.revisionId())
                && a.sameAs(b.definition(), b.roleArn(), b.loggingConfiguration(), b.tracingConfiguration());
    }

    private JsonNode publish(Request request) {
        String arn = request.string("stateMachineArn");
        String revisionId = request.optionalString("revisionId");
        String description = request.optionalString("description");
        synchronized (registry) {
            StateMachineEntry entry = registry.existingMachine(arn);
            String current = entry.current().revisionId();
            if (revisionId != null && !revisionId.equals(current)) {
                throw AwsErrors.conflict("Failed to publish the State Machine version for revision " + revisionId
                        + ". The current State Machine revision is " + current + ".");
            }
            Version version = publish(entry, description);
            registry.saved(entry);
            ObjectNode answer = Json.NODES.objectNode();
            answer.set("creationDate", Dates.epochSeconds(version.creationMillis()));
            answer.put("stateMachineVersionArn", version.arn());
            return answer;
        }
    }

    private JsonNode list(Request request) {
        String arn = request.string("stateMachineArn");
        List<Version> newestFirst;
        synchronized (registry) {
            newestFirst = new ArrayList<>(registry.existingMachine(arn).versions.descendingMap().values());
        }
        return Pages.page(request, newestFirst, "stateMachineVersions", version -> {
            ObjectNode item = Json.NODES.objectNode();
            item.put("stateMachineVersionArn", version.arn());
            item.set("creationDate", Dates.epochSeconds(version.creationMillis()));
            return item;
        });
    }

    private JsonNode delete(Request request) {
        String arn = request.string("stateMachineVersionArn");
        String[] parts = registry.arns.parse(arn, Arns.STATE_MACHINE);
        if (parts.length != 2 || !parts[1].matches("\\d+")) {
            throw AwsErrors.invalidArn("Not a state machine version ARN: " + arn);
        }
        synchronized (registry) {
            Version version = registry.version(arn);
            StateMachineEntry entry = version == null ? null : registry.machine(version.stateMachineArn());
            if (entry != null) {
                List<String> referencing = entry.aliases.values().stream()
                        .filter(alias -> alias.routesTo(arn)).map(Alias::arn).toList();
                if (!referencing.isEmpty()) {
                    throw AwsErrors.conflict("Version to be deleted must not be referenced by an alias. "
                            + "Current list of aliases referencing this version: " + referencing);
                }
                entry.versions.remove(version.number());
                registry.saved(entry);
            }
        }
        return Json.NODES.objectNode();
    }
}
