package io.quickstep.asl.validation;

import java.util.function.Predicate;

/** The state being validated: its fields, type and query language, and the block it belongs to. */
final class StateNode {
    final Scope scope;
    final String name;
    final Fields fields;
    final StateType type;
    final QueryLanguage language;

    StateNode(Scope scope, String name, Fields fields, StateType type, QueryLanguage language) {
        this.scope = scope;
        this.name = name;
        this.fields = fields;
        this.type = type;
        this.language = language;
    }

    Context ctx() {
        return scope.ctx;
    }

    /**
     * A JSONPath state in a JSONata machine. AWS reports only the downgrade for it, not each
     * JSONPath field it then has, so its fields are not judged by language.
     */
    boolean downgraded() {
        return language == QueryLanguage.JSONPATH && ctx().machineLanguage == QueryLanguage.JSONATA;
    }

    /** Whether the state has the field and may have it: its type and its language accept it. */
    boolean uses(String field) {
        return type.accepts(field) && usable(fields, field);
    }

    /** Whether {@code of} (the state, a catcher, a Choice rule) has the field and this language accepts it. */
    boolean usable(Fields of, String field) {
        return of.has(field) && (downgraded() || language.owner(field) == null);
    }

    /**
     * Reports each member of {@code of} that {@code accepted} refuses ("not supported") or that
     * belongs to the other query language, both located at {@code of}.
     */
    void checkMembers(Fields of, Predicate<String> accepted) {
        for (String field : of.names()) {
            QueryLanguage owner = language.owner(field);
            if (!accepted.test(field)) {
                of.error(Messages.notSupported(field));
            } else if (owner != null && !downgraded()) {
                of.error(Messages.onlyFor(language, field, owner));
            }
        }
    }

    void transition(String target, Location at) {
        scope.transition(name, target, at);
    }
}
