package io.quickstep.asl.validation;

import java.util.Set;

/** A block of states with its StartAt: the machine itself, a Parallel branch, a Map's ItemProcessor. */
final class ScopeRules {
    /** The fields of a Parallel branch; a Map's ItemProcessor adds ProcessorConfig. */
    static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");

    private ScopeRules() {
    }

    /**
     * Validates every state of the block and, when it names its states and its StartAt, the
     * transitions among them. The caller checks which other fields the block may have.
     */
    static void check(Context ctx, Fields block, boolean topLevel) {
        block.require("States", "StartAt");
        block.string("Comment");
        String startAt = block.string("StartAt");
        Fields states = block.object("States");
        if (states == null) {
            return;
        }
        Scope scope = new Scope(ctx);
        for (String name : states.names()) {
            Location at = states.at(name);
            if (!ctx.claimName(name)) {
                ctx.error(Messages.DUPLICATE_NAME, Messages.duplicateName(name), at);
            }
            scope.state(name, at);
            StateRules.check(scope, name, states.get(name), at);
        }
        if (startAt != null) {
            scope.checkGraph(startAt, block.at("StartAt"), topLevel);
        }
    }
}
