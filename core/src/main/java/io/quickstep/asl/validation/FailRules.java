package io.quickstep.asl.validation;

/** Fail states: the error and cause, each given as text or (JSONPath) by a path or intrinsic call. */
final class FailRules {
    private FailRules() {
    }

    static void check(StateNode state) {
        for (String field : new String[] {"Error", "Cause"}) {
            String path = field + "Path";
            state.fields.exclusive(field, path);
            state.fields.string(field);
            if (state.uses(path)) {
                PathRules.referencePathOrIntrinsic(state.fields, path);
            }
        }
    }
}
