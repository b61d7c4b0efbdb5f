package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.StatesErrors;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Retry and Catch of Task, Parallel and Map states. */
final class RetryCatchRules {
    private static final Set<String> RETRIER = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER = Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign",
            "Comment");
    private static final long MAX_SECONDS = 99_999_999;
    /** A year and a day of seconds, the longest delay AWS lets a retrier wait. */
    private static final long MAX_DELAY_SECONDS = 31_622_400;

    private RetryCatchRules() {
    }

    static void check(StateNode state) {
        if (state.uses("Retry")) {
            each(state, "Retry", RetryCatchRules::retrier);
        }
        if (state.uses("Catch")) {
            each(state, "Catch", RetryCatchRules::catcher);
        }
    }

    private interface EntryRule {
        void check(StateNode state, Fields entry, boolean last);
    }

    /** An array of retriers or catchers; empty is allowed (no retry, nothing caught). */
    private static void each(StateNode state, String field, EntryRule rule) {
        JsonNode entries = state.fields.get(field);
        if (!entries.isArray()) {
            state.fields.error(field, Messages.expectedType("ARRAY"));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Fields entry = Fields.of(state.ctx(), entries.get(i), state.fields.at(field).index(i));
            if (entry != null) {
                rule.check(state, entry, i == entries.size() - 1);
            }
        }
    }

    private static void retrier(StateNode state, Fields retrier, boolean last) {
        retrier.allowOnly(RETRIER);
        retrier.require("ErrorEquals");
        errorEquals(retrier, last);
        // AWS accepts an IntervalSeconds of 0, although the ASL specification asks for a positive one.
        retrier.integer("IntervalSeconds", 0, MAX_SECONDS, QueryLanguage.JSONPATH);
        retrier.integer("MaxAttempts", 0, MAX_SECONDS, QueryLanguage.JSONPATH);
        retrier.number("BackoffRate", new BigDecimal("1.0"), null, QueryLanguage.JSONPATH);
        retrier.integer("MaxDelaySeconds", 1, MAX_DELAY_SECONDS, QueryLanguage.JSONPATH);
        retrier.choice("JitterStrategy", List.of("NONE", "FULL"));
        retrier.string("Comment");
    }

    private static void catcher(StateNode state, Fields catcher, boolean last) {
        state.checkMembers(catcher, CATCHER::contains);
        catcher.require("ErrorEquals", "Next");
        errorEquals(catcher, last);
        String next = catcher.string("Next");
        if (next != null) {
            state.transition(next, catcher.at("Next"));
        }
        if (state.usable(catcher, "ResultPath")) {
            PathRules.referencePath(catcher, "ResultPath", true);
        }
        if (catcher.has("Assign")) {
            StateRules.assign(state, catcher);
        }
        catcher.string("Comment");
    }

    /** Error names; States.ALL must be the only name of the last retrier or catcher. */
    private static void errorEquals(Fields entry, boolean last) {
        JsonNode names = entry.array("ErrorEquals");
        if (names == null) {
            return;
        }
        boolean all = false;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isTextual()) {
                entry.ctx.schema(Messages.expectedType("STRING"), entry.at("ErrorEquals").index(i));
            }
            all |= StatesErrors.ALL.equals(names.get(i).asText());
        }
        if (all && (names.size() > 1 || !last)) {
            entry.error("ErrorEquals", Messages.STATES_ALL);
        }
    }
}
