package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/** One state: its type and language, the fields every type shares, then its type's own rules. */
final class StateRules {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");
    /** The name AWS keeps for itself: {@code $states}. */
    private static final String RESERVED_VARIABLE = "states";

    private StateRules() {
    }

    static void check(Scope scope, String name, JsonNode value, Location at) {
        Fields fields = Fields.of(scope.ctx, value, at);
        if (fields == null) {
            return;
        }
        fields.string("Comment");
        QueryLanguage language = QueryLanguage.declared(fields, scope.ctx.machineLanguage);
        StateType type = type(fields);
        if (type == null) {
            // Keep the state's plain transitions so that one bad Type does not make the states after
            // it look unreachable too.
            followPlainly(scope, name, fields);
            return;
        }
        StateNode state = new StateNode(scope, name, fields, type, language);
        if (state.downgraded()) {
            fields.error(Messages.downgrade());
        }
        state.checkMembers(fields, type::accepts);
        nextOrEnd(state);
        inputOutput(state);
        RetryCatchRules.check(state);
        switch (type) {
            case TASK -> TaskRules.check(state);
            case CHOICE -> ChoiceRules.check(state);
            case WAIT -> WaitRules.check(state);
            case FAIL -> FailRules.check(state);
            case PARALLEL -> ParallelRules.check(state);
            case MAP -> MapRules.check(state);
            case SUCCEED, PASS -> {
                // Nothing of their own: a Pass state's Result may be any JSON value.
            }
        }
        if (type == StateType.SUCCEED || type == StateType.FAIL) {
            scope.terminal(name);
        }
    }

    /** The state's type; null after reporting a missing, non-string or unknown one. */
    private static StateType type(Fields fields) {
        if (!fields.has("Type")) {
            fields.require("Type");
            return null;
        }
        String spelling = fields.string("Type");
        StateType type = spelling == null ? null : StateType.of(spelling);
        if (spelling != null && type == null) {
            fields.error("Type", Messages.oneOf(StateType.NAMES));
        }
        return type;
    }

    private static void followPlainly(Scope scope, String name, Fields fields) {
        for (String field : List.of("Next", "Default")) {
            JsonNode target = fields.get(field);
            if (target != null && target.isTextual()) {
                scope.transition(name, target.textValue(), fields.at(field));
            }
        }
    }

    /** Exactly one of Next and {@code "End": true}, for the types that move on. */
    private static void nextOrEnd(StateNode state) {
        if (!state.type.hasNextOrEnd()) {
            return;
        }
        Fields fields = state.fields;
        String next = fields.string("Next");
        if (next != null) {
            state.transition(next, fields.at("Next"));
        }
        boolean end = fields.isTrue("End");
        if (end) {
            state.scope.terminal(state.name);
        }
        if (fields.has("Next") && end) {
            fields.error(Messages.onlyOne(List.of("Next", "End")));
        } else if (!fields.has("Next") && !end) {
            fields.error(Messages.exactlyOne(List.of("Next", "End")));
        }
    }

    /** The input and output processing fields several types share. */
    private static void inputOutput(StateNode state) {
        Fields fields = state.fields;
        for (String path : List.of("InputPath", "OutputPath")) {
            if (state.uses(path)) {
                PathRules.path(fields, path);
            }
        }
        if (state.uses("ResultPath")) {
            PathRules.referencePath(fields, "ResultPath", true);
        }
        for (String template : List.of("Parameters", "ResultSelector")) {
            if (state.uses(template)) {
                PayloadRules.check(state.ctx(), fields.get(template), fields.at(template));
            }
        }
        if (state.uses("Assign")) {
            assign(state, fields);
        }
    }

    /**
     * Assign of a state, a catcher or a Choice rule: an object whose members name variables, a
     * payload template in JSONPath (where a member {@code name.$} assigns {@code name}).
     */
    static void assign(StateNode state, Fields of) {
        Fields assign = of.object("Assign");
        if (assign == null) {
            return;
        }
        boolean jsonPath = state.language == QueryLanguage.JSONPATH;
        for (String key : assign.names()) {
            String name = jsonPath && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            if (!VARIABLE_NAME.matcher(name).matches() || name.equals(RESERVED_VARIABLE)) {
                assign.error(key, Messages.invalidVariableName(name));
            }
        }
        if (jsonPath) {
            PayloadRules.check(state.ctx(), assign.node, assign.at);
        }
    }
}
