package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Parallel states: one or more branches, each a block of states of its own. */
final class ParallelRules {
    private ParallelRules() {
    }

    static void check(StateNode state) {
        state.fields.require("Branches");
        JsonNode branches = state.fields.array("Branches");
        for (int i = 0; branches != null && i < branches.size(); i++) {
            Fields branch = Fields.of(state.ctx(), branches.get(i), state.fields.at("Branches").index(i));
            if (branch != null) {
                branch.allowOnly(ScopeRules.BRANCH_FIELDS);
                ScopeRules.check(state.ctx(), branch, false);
            }
        }
    }
}
