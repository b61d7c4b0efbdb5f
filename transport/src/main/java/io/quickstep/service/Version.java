package io.quickstep.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/** A published version of a state machine: a numbered, frozen revision ({@code ...:stateMachine:NAME:N}). */
record Version(String arn, String stateMachineArn, int number, String description, long creationMillis,
               Revision revision) {

    /** The stored form. */
    ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("number", number);
        if (description != null) {
            node.put("description", description);
        }
        node.set("creationDate", Dates.epochSeconds(creationMillis));
        node.set("revision", revision.toJson());
        return node;
    }
}
