package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.StateMachine;
import io.quickstep.json.Json;

/**
 * One revision of a state machine: what UpdateStateMachine changes and a version freezes. The
 * compiled machine is made once per revision and shared by the versions that hold it.
 *
 * @param revisionId   AWS's revision id: null until the first update that changed something
 * @param machine      what the engine runs, or null when it cannot run this definition
 * @param unrunnable   why the engine cannot run it (a STANDARD-only feature), when machine is null
 */
record Revision(String definition, String roleArn, JsonNode loggingConfiguration, JsonNode tracingConfiguration,
                String revisionId, long updateMillis, StateMachine machine, String unrunnable) {
    static final JsonNode LOGGING_OFF = Json.NODES.objectNode().put("level", "OFF").put("includeExecutionData", false);
    static final JsonNode TRACING_OFF = Json.NODES.objectNode().put("enabled", false);

    /** Whether a definition, role and configuration are all this revision's. */
    boolean sameAs(String otherDefinition, String otherRoleArn, JsonNode logging, JsonNode tracing) {
        return definition.equals(otherDefinition) && roleArn.equals(otherRoleArn)
                && loggingConfiguration.equals(logging) && tracingConfiguration.equals(tracing);
    }

    /** The fields DescribeStateMachine and DescribeStateMachineForExecution share. */
    void describeInto(ObjectNode answer) {
        answer.put("definition", definition);
        answer.put("roleArn", roleArn);
        answer.set("loggingConfiguration", loggingConfiguration);
        answer.set("tracingConfiguration", tracingConfiguration);
        if (revisionId != null) {
            answer.put("revisionId", revisionId);
        }
    }

    /** The stored form (the data directory's files). */
    ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        describeInto(node);
        node.set("updateDate", Dates.epochSeconds(updateMillis));
        return node;
    }
}
