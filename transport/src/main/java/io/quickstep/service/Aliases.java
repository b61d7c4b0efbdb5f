package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
 * DeleteStateMachineAlias, ListStateMachineAliases.
 */
final class Aliases {
    private static final int MAX_ROUTES = 2;

    private final Registry registry;

    Aliases(Registry registry) {
        this.registry = registry;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateStateMachineAlias", StepFunctionsService.sync(this::create));
        operations.put("DescribeStateMachineAlias", StepFunctionsService.sync(this::describe));
        operations.put("UpdateStateMachineAlias", StepFunctionsService.sync(this::update));
        operations.put("DeleteStateMachineAlias", StepFunctionsService.sync(this::delete));
        operations.put("ListStateMachineAliases", StepFunctionsService.sync(this::list));
    }

    private JsonNode create(Request request) {
        String name = Names.checkAlias(request.string("name"));
        String description = request.optionalString("description");
        synchronized (registry) {
            List<Alias.Route> routes = routes(request.list("routingConfiguration"));
            StateMachineEntry entry = registry.machine(registry.version(routes.get(0).versionArn()).stateMachineArn());
            Alias existing = entry.aliases.get(name);
            if (existing != null) {
                if (!existing.routes().equals(routes) || !Objects.equals(existing.description(), description)) {
                    throw AwsErrors.conflict("Failed to create alias because an alias with the same name and a "
                            + "different routing configuration already exists.");
                }
                return created(existing);
            }
            long now = registry.now();
            Alias alias = new Alias(Arns.qualified(entry.arn, name), entry.arn, name, description, routes, now, now);
            entry.aliases.put(name, alias);
            registry.saved(entry);
            return created(alias);
        }
    }

    private static JsonNode created(Alias alias) {
        ObjectNode answer = Json.NODES.objectNode();
        answer.put("stateMachineAliasArn", alias.arn());
        answer.set("creationDate", Dates.epochSeconds(alias.creationMillis()));
        return answer;
    }

    private JsonNode describe(Request request) {
        return existing(request.string("stateMachineAliasArn")).describe();
    }

    private JsonNode update(Request request) {
        String arn = request.string("stateMachineAliasArn");
        String description = request.optionalString("description");
        boolean reroute = request.has("routingConfiguration");
        if (description == null && !reroute) {
            throw AwsErrors.missingParameter("Either the description or the RoutingConfiguration must be specified");
        }
        synchronized (registry) {
            Alias alias = existing(arn);
            List<Alias.Route> routes = reroute ? routes(request.list("routingConfiguration")) : alias.routes();
            if (!routes.get(0).versionArn().startsWith(alias.stateMachineArn() + ":")) {
                throw AwsErrors.validation("An alias routes only to versions of its own state machine: " + arn);
            }
            long now = registry.now();
            Alias updated = new Alias(arn, alias.stateMachineArn(), alias.name(),
                    description != null ? description : alias.description(), routes, alias.creationMillis(), now);
            StateMachineEntry entry = registry.machine(alias.stateMachineArn());
            entry.aliases.put(alias.name(), updated);
            registry.saved(entry);
            ObjectNode answer = Json.NODES.objectNode();
            answer.set("updateDate", Dates.epochSeconds(now));
            return answer;
        }
    }

    private JsonNode delete(Request request) {
        String arn = request.string("stateMachineAliasArn");
        checkAliasArn(arn);
        synchronized (registry) {
            Alias alias = registry.alias(arn);
            if (alias != null) {
                StateMachineEntry entry = registry.machine(alias.stateMachineArn());
                entry.aliases.remove(alias.name());
                registry.saved(entry);
            }
        }
        return Json.NODES.objectNode();
    }

    private JsonNode list(Request request) {
        String arn = request.string("stateMachineArn");
        List<Alias> aliases;
        synchronized (registry) {
            StateMachineEntry entry = registry.machine(arn);
            if (registry.arns.parse(arn, Arns.STATE_MACHINE).length != 1 || entry == null) {
                throw AwsErrors.resourceNotFound(arn);
            }
            aliases = new ArrayList<>(entry.aliases.values());
        }
        return Pages.page(request, aliases, "stateMachineAliases", alias -> {
            ObjectNode item = Json.NODES.objectNode();
            item.put("stateMachineAliasArn", alias.arn());
            item.set("creationDate", Dates.epochSeconds(alias.creationMillis()));
            return item;
        });
    }

    private Alias existing(String arn) {
        checkAliasArn(arn);
        Alias alias = registry.alias(arn);
        if (alias == null) {
            throw AwsErrors.resourceNotFound();
        }
        return alias;
    }

    private void checkAliasArn(String arn) {
        String[] parts = registry.arns.parse(arn, Arns.STATE_MACHINE);
        if (parts.length != 2 || parts[1].matches("\\d+")) {
            throw AwsErrors.invalidArn("Not a state machine alias ARN: " + arn);
        }
    }

    /** A routing configuration: one or two existing versions of one state machine, weights adding up to 100. */
    private List<Alias.Route> routes(List<JsonNode> given) {
        if (given.isEmpty() || given.size() > MAX_ROUTES) {
            throw AwsErrors.validation(given.size(), "routingConfiguration",
                    "Member must have length between 1 and " + MAX_ROUTES);
        }
        List<Alias.Route> routes = new ArrayList<>();
        int total = 0;
        String machine = null;
        for (JsonNode route : given) {
            String versionArn = route.path("stateMachineVersionArn").asText(null);
            int weight = route.path("weight").asInt(-1);
            if (weight < 0 || weight > 100) {
                throw AwsErrors.validation(weight, "routingConfiguration.member.weight",
                        "Member must have value between 0 and 100");
            }
            String[] parts = registry.arns.parse(versionArn, Arns.STATE_MACHINE);
            Version version = registry.version(versionArn);
            if (parts.length != 2 || version == null) {
                throw AwsErrors.resourceNotFound(versionArn);
            }
            if (machine != null && !machine.equals(version.stateMachineArn())) {
                throw AwsErrors.validation("The versions of an alias must belong to one state machine");
            }
            machine = version.stateMachineArn();
            total += weight;
            routes.add(new Alias.Route(versionArn, weight));
        }
        if (total != 100) {
            throw AwsErrors.validation("The weights of an alias's routing configuration must add up to 100, not " + total);
        }
        return List.copyOf(routes);
    }
}
