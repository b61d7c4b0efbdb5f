package io.quickstep.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A state machine alias ({@code ...:stateMachine:NAME:ALIAS}): executions started on it run one of
 * one or two versions, chosen at random by weight.
 */
record Alias(String arn, String stateMachineArn, String name, String description, List<Route> routes,
             long creationMillis, long updateMillis) {

    /** One version an alias routes to, with its share of executions in percent. */
    record Route(String versionArn, int weight) {
    }

    /** The version ARN one execution started on this alias runs. */
    String pickVersion() {
        int draw = ThreadLocalRandom.current().nextInt(100);
        for (Route route : routes) {
            draw -= route.weight();
            if (draw < 0) {
                return route.versionArn();
            }
        }
        return routes.get(routes.size() - 1).versionArn();
    }

    boolean routesTo(String versionArn) {
        return routes.stream().anyMatch(r -> r.versionArn().equals(versionArn));
    }

    ArrayNode routingConfiguration() {
        ArrayNode list = Json.NODES.arrayNode();
        for (Route route : routes) {
            list.addObject().put("stateMachineVersionArn", route.versionArn()).put("weight", route.weight());
        }
        return list;
    }

    /** DescribeStateMachineAlias's answer, also the stored form. */
    ObjectNode describe() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("stateMachineAliasArn", arn);
        node.put("name", name);
        if (description != null) {
            node.put("description", description);
        }
        node.set("routingConfiguration", routingConfiguration());
        node.set("creationDate", Dates.epochSeconds(creationMillis));
        node.set("updateDate", Dates.epochSeconds(updateMillis));
        return node;
    }
}
