package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Task states: the resource, the timeouts and the credentials. */
final class TaskRules {
    private static final long MAX_SECONDS = 99_999_999;

    private TaskRules() {
    }

    static void check(StateNode state) {
        Fields fields = state.fields;
        fields.require("Resource");
        String resource = fields.string("Resource");
        if (resource != null) {
            ResourceRules.check(state.ctx(), resource, fields.at("Resource"));
        }
        timeout(state, "TimeoutSeconds");
        timeout(state, "HeartbeatSeconds");
        if (fields.has("Credentials")) {
            credentials(state);
        }
    }

    /** A positive number of seconds, given as a value or (JSONPath) by a path to one. */
    private static void timeout(StateNode state, String field) {
        String path = field + "Path";
        state.fields.exclusive(field, path);
        state.fields.integer(field, 1, MAX_SECONDS, state.language);
        if (state.uses(path)) {
            PathRules.referencePath(state.fields, path, false);
        }
    }

    /**
     * The role the task runs with. Only the role is checked: AWS answers an object without RoleArn
     * with that one diagnostic, whatever else the object holds.
     */
    private static void credentials(StateNode state) {
        Fields credentials = state.fields.object("Credentials");
        if (credentials == null) {
            return;
        }
        boolean jsonPath = state.language == QueryLanguage.JSONPATH;
        if (!credentials.has("RoleArn") && !(jsonPath && credentials.has("RoleArn.$"))) {
            credentials.error(Messages.fieldRequired("RoleArn"));
        }
        JsonNode role = credentials.get("RoleArn");
        if (role != null && !role.isTextual()) {
            credentials.error("RoleArn", Messages.expectedType("STRING"));
        }
        if (jsonPath) {
            PayloadRules.check(state.ctx(), credentials.node, credentials.at);
        }
    }
}
