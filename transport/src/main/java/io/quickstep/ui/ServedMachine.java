package io.quickstep.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

/**
 * A state machine the server has, as the page shows it: from ListStateMachines and
 * DescribeStateMachine, with its diagram.
 *
 * @param logLevel    its logging level (ALL, ERROR, FATAL, OFF): at ALL, its executions record the
 *                    events of their states (STANDARD ones always do)
 * @param includeData whether its logging keeps the executions' inputs and outputs
 */
record ServedMachine(String name, String arn, String type, String logLevel, boolean includeData,
                     MachineDiagrams.Drawn drawn) {

    static ServedMachine of(JsonNode described, MachineDiagrams diagrams) {
        String name = described.path("name").asText();
        JsonNode logging = described.path("loggingConfiguration");
        return new ServedMachine(name, described.path("stateMachineArn").asText(), described.path("type").asText(),
                logging.path("level").asText("OFF"), logging.path("includeExecutionData").asBoolean(false),
                diagrams.of(name, described.path("definition").asText()));
    }

    /** What the page knows a machine by. */
    ObjectNode summary() {
        ObjectNode summary = Json.NODES.objectNode();
        summary.put("name", name).put("arn", arn).put("type", type).put("logLevel", logLevel)
                .put("includeData", includeData).put("revision", drawn.revision());
        if (drawn.problem != null) {
            summary.put("problem", drawn.problem);
        }
        return summary;
    }
}
