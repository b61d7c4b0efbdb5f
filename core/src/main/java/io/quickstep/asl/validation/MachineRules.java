package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/** The top level of a definition: its own fields, then its states. */
final class MachineRules {
    private static final Set<String> FIELDS = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds",
            "QueryLanguage");
    private static final long MAX_TIMEOUT_SECONDS = 99_999_999;

    private MachineRules() {
    }

    static Context check(ObjectNode definition, boolean express, boolean expressCallbacks) {
        QueryLanguage language = definition.has("QueryLanguage")
                ? QueryLanguage.of(definition.get("QueryLanguage")) : QueryLanguage.JSONPATH;
        Context ctx = new Context(express, expressCallbacks, language);
        Fields machine = Fields.of(ctx, definition, Location.ROOT);
        machine.allowOnly(FIELDS);
        QueryLanguage.declared(machine, QueryLanguage.JSONPATH); // for its report; the language is known
        machine.choice("Version", List.of("1.0"));
        machine.integer("TimeoutSeconds", 0, MAX_TIMEOUT_SECONDS, QueryLanguage.JSONPATH);
        ScopeRules.check(ctx, machine, true);
        return ctx;
    }
}
