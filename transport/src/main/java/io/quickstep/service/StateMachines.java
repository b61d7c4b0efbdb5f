package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.events.LoggingConfigurationException;
import io.quickstep.execution.ExecutionIds;
import io.quickstep.json.Json;

import java.util.List;
import java.util.Map;

/**
 * CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine,
 * ListStateMachines and ValidateStateMachineDefinition.
 */
final class StateMachines {
    static final List<String> TYPES = List.of(StepFunctionsService.STANDARD, StepFunctionsService.EXPRESS);
    private static final int MAX_DIAGNOSTICS = 100;

    private final Registry registry;
    private final Versions versions;

    StateMachines(Registry registry, Versions versions) {
        this.registry = registry;
        this.versions = versions;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateStateMachine", StepFunctionsService.sync(this::create));
        operations.put("DescribeStateMachine", StepFunctionsService.sync(this::describe));
        operations.put("UpdateStateMachine", StepFunctionsService.sync(this::update));
        operations.put("DeleteStateMachine", StepFunctionsService.sync(this::delete));
        operations.put("ListStateMachines", StepFunctionsService.sync(this::list));
        operations.put("ValidateStateMachineDefinition", StepFunctionsService.sync(this::validate));
    }

    private JsonNode create(Request request) {
        String name = Names.check(request.string("name"));
        String definition = request.string("definition");
        String roleArn = request.string("roleArn");
        String type = orDefault(request.enumeration("type", TYPES), StepFunctionsService.STANDARD);
        JsonNode logging = logging(request.object("loggingConfiguration"));
        JsonNode tracing = orDefault(request.object("tracingConfiguration"), Revision.TRACING_OFF);
        Map<String, String> tags = Tags.read(request.list("tags"));
        boolean publish = request.bool("publish");
        String versionDescription = versionDescription(request, publish);
        String arn = registry.arns.stateMachine(name);
        synchronized (registry) {
            StateMachineEntry entry = registry.machine(arn);
            if (entry == null) {
                long now = registry.now();
                entry = new StateMachineEntry(name, arn, type, now,
                        Definitions.revision(name, type, definition, roleArn, logging, tracing, null, now,
                                registry.expressCallbacks));
                Tags.add(entry.tags, tags, arn);
            } else if (!entry.type.equals(type) || !entry.current().sameAs(definition, roleArn, logging, tracing)) {
                throw AwsErrors.stateMachineAlreadyExists(arn);
            }
            // Creating a state machine exactly as it is answers the existing one, as AWS does.
            Version version = publish ? versions.publish(entry, versionDescription) : null;
            registry.saved(entry);
            ObjectNode answer = Json.NODES.objectNode();
            answer.put("stateMachineArn", arn);
            answer.set("creationDate", Dates.epochSeconds(entry.creationMillis));
            if (version != null) {
                answer.put("stateMachineVersionArn", version.arn());
            }
            return answer;
        }
    }

    private JsonNode describe(Request request) {
        String arn = request.string("stateMachineArn");
        String[] parts = registry.arns.parse(arn, Arns.STATE_MACHINE);
        ObjectNode answer = Json.NODES.objectNode();
        if (parts.length == 1) {
            StateMachineEntry entry = registry.existingMachine(arn);
            describeInto(answer, entry, arn, entry.current(), entry.creationMillis);
        } else {
            Version version = registry.version(arn);
            StateMachineEntry entry = version == null ? null : registry.machine(version.stateMachineArn());
            if (entry == null) {
                throw AwsErrors.stateMachineDoesNotExist(arn);
            }
            describeInto(answer, entry, arn, version.revision(), version.creationMillis());
            if (version.description() != null) {
                answer.put("description", version.description());
            }
        }
        return answer;
    }

    private static void describeInto(ObjectNode answer, StateMachineEntry entry, String arn, Revision revision,
                                     long creationMillis) {
        answer.put("stateMachineArn", arn);
        answer.put("name", entry.name);
        answer.put("status", "ACTIVE");
        answer.put("type", entry.type);
        answer.set("creationDate", Dates.epochSeconds(creationMillis));
        revision.describeInto(answer);
    }

    private JsonNode update(Request request) {
        String arn = request.string("stateMachineArn");
        String definition = request.optionalString("definition");
        String roleArn = request.optionalString("roleArn");
        JsonNode logging = request.object("loggingConfiguration");
        JsonNode tracing = request.object("tracingConfiguration");
        boolean publish = request.bool("publish");
        String versionDescription = versionDescription(request, publish);
        if (definition == null && roleArn == null && logging == null && tracing == null) {
            throw AwsErrors.missingParameter("Either the definition, the role ARN, the LoggingConfiguration, "
                    + "or the TracingConfiguration must be specified");
        }
        synchronized (registry) {
            StateMachineEntry entry = registry.existingMachine(arn);
            Revision current = entry.current();
            String newDefinition = orDefault(definition, current.definition());
            String newRole = orDefault(roleArn, current.roleArn());
            JsonNode newLogging = logging == null ? current.loggingConfiguration() : logging(logging);
            JsonNode newTracing = orDefault(tracing, current.tracingConfiguration());
            long now = registry.now();
            if (!current.sameAs(newDefinition, newRole, newLogging, newTracing)) {
                entry.update(Definitions.revision(entry.name, entry.type, newDefinition, newRole, newLogging,
                        newTracing, ExecutionIds.random(), now, registry.expressCallbacks));
            }
            Version version = publish ? versions.publish(entry, versionDescription) : null;
            registry.saved(entry);
            ObjectNode answer = Json.NODES.objectNode();
            answer.set("updateDate", Dates.epochSeconds(now));
            if (entry.current().revisionId() != null) {
                answer.put("revisionId", entry.current().revisionId());
            }
            if (version != null) {
                answer.put("stateMachineVersionArn", version.arn());
            }
            return answer;
        }
    }

    private JsonNode delete(Request request) {
        String arn = request.string("stateMachineArn");
        if (registry.arns.parse(arn, Arns.STATE_MACHINE).length != 1) {
            throw AwsErrors.validation("Use DeleteStateMachineVersion or DeleteStateMachineAlias to delete a version "
                    + "or an alias: " + arn);
        }
        synchronized (registry) {
            StateMachineEntry entry = registry.machine(arn);
            if (entry != null) {
                registry.deleted(entry); // executions in flight run to their end
            }
        }
        return Json.NODES.objectNode();
    }

    private JsonNode list(Request request) {
        return Pages.page(request, registry.machines(), "stateMachines", entry -> {
            ObjectNode item = Json.NODES.objectNode();
            item.put("stateMachineArn", entry.arn);
            item.put("name", entry.name);
            item.put("type", entry.type);
            item.set("creationDate", Dates.epochSeconds(entry.creationMillis));
            return item;
        });
    }

    private JsonNode validate(Request request) {
        String definition = request.string("definition");
        String type = orDefault(request.enumeration("type", TYPES), StepFunctionsService.STANDARD);
        boolean warnings = "WARNING".equals(request.enumeration("severity", List.of("ERROR", "WARNING")));
        int max = request.integer("maxResults", 0);
        if (max < 0 || max > MAX_DIAGNOSTICS) {
            throw AwsErrors.validation(max, "maxResults", "Member must have value between 0 and " + MAX_DIAGNOSTICS);
        }
        List<Diagnostic> all = Definitions.diagnostics(definition, type, registry.expressCallbacks).stream()
                .filter(d -> warnings || d.isError()).toList();
        int shown = Math.min(all.size(), max == 0 ? MAX_DIAGNOSTICS : max);
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("result", all.stream().anyMatch(Diagnostic::isError) ? "FAIL" : "OK");
        ArrayNode list = answer.putArray("diagnostics");
        for (Diagnostic d : all.subList(0, shown)) {
            ObjectNode item = list.addObject().put("severity", d.severity()).put("code", d.code()).put("message", d.message());
            if (d.location() != null) {
                item.put("location", d.location());
            }
        }
        answer.put("truncated", shown < all.size());
        return answer;
    }

    /**
     * A logging configuration as given, with AWS's defaults; refused as AWS refuses it
     * ({@link LoggingConfiguration#parse}: InvalidLoggingConfiguration, ValidationException).
     */
    private static JsonNode logging(JsonNode given) {
        if (given == null) {
            return Revision.LOGGING_OFF;
        }
        try {
            LoggingConfiguration.parse(given);
        } catch (LoggingConfigurationException e) {
            throw new AwsException(e.error(), e.getMessage());
        }
        ObjectNode logging = Revision.LOGGING_OFF.deepCopy();
        logging.setAll((ObjectNode) given);
        return logging;
    }

    private static String versionDescription(Request request, boolean publish) {
        String description = request.optionalString("versionDescription");
        if (description != null && !publish) {
            throw AwsErrors.validation("Version description can only be set when publish is true");
        }
        return description;
    }

    static <T> T orDefault(T value, T absent) {
        return value != null ? value : absent;
    }
}
