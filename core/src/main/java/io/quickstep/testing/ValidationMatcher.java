package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.json.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares what the engine says about a definition with a validation case's {@code expected}.
 *
 * <ul>
 *   <li>{@code validate}: the result ({@code OK} when there is no ERROR diagnostic) must be equal;
 *       diagnostics compare as a multiset of (severity, code, location) in any order, each with its
 *       message unless {@value #MESSAGES} is ignored. Locations and messages follow the placeholder
 *       rules of {@link ResultMatcher#textMatches}; an expected null location matches only none.</li>
 *   <li>{@code create}: the definition must be refused with error {@code InvalidDefinition} and a
 *       message that matches unless {@code $.create.message} is ignored.</li>
 * </ul>
 */
final class ValidationMatcher {
    static final String MESSAGES = "$.validate.diagnostics[*].message";
    static final String INVALID_DEFINITION = "InvalidDefinition";

    private ValidationMatcher() {
    }

    /** Compares validator output with {@code expected.validate}; null when they match. */
    static String diffValidate(JsonNode expected, List<Diagnostic> actual, Set<String> ignore) {
        String result = actual.stream().anyMatch(Diagnostic::isError) ? "FAIL" : "OK";
        if (!result.equals(expected.path("result").asText())) {
            return "$.validate.result: expected " + expected.path("result").asText() + ", got " + result
                    + (actual.isEmpty() ? "" : " (" + describe(actual.get(0)) + ")");
        }
        List<Diagnostic> wanted = new ArrayList<>();
        for (JsonNode d : expected.path("diagnostics")) {
            wanted.add(new Diagnostic(text(d, "severity"), text(d, "code"), text(d, "message"), text(d, "location")));
        }
        boolean withMessages = !ignore.contains(MESSAGES);
        int[] owner = pair(wanted, actual, withMessages);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        boolean[] matched = new boolean[wanted.size()];
        for (int a = 0; a < actual.size(); a++) {
            if (owner[a] < 0) {
                unexpected.add("unexpected " + describe(actual.get(a)));
            } else {
                matched[owner[a]] = true;
            }
        }
        for (int e = 0; e < wanted.size(); e++) {
            if (!matched[e]) {
                missing.add("missing " + describe(wanted.get(e)));
            }
        }
        missing.addAll(unexpected);
        return missing.isEmpty() ? null : "$.validate.diagnostics: " + String.join("; ", missing);
    }

    /**
     * Compares the outcome of creating the machine with {@code expected.create}; {@code refusal} is
     * null when the definition was accepted.
     */
    static String diffCreate(JsonNode expected, DefinitionRefusal refusal, Set<String> ignore) {
        String error = expected.path("error").asText();
        if (refusal == null) {
            return "$.create: expected " + error + ", but the definition was accepted";
        }
        if (!error.equals(refusal.error())) {
            return "$.create.error: expected " + error + ", got " + refusal.error();
        }
        JsonNode message = expected.path("message");
        boolean matches = message.isTextual() && ResultMatcher.textMatches(message.asText(), refusal.message());
        if (matches || ignore.contains("$.create.message")) {
            return null;
        }
        return "$.create.message: " + (message.isTextual()
                ? ResultMatcher.textDiff(message.asText(), refusal.message())
                : "expected " + message + ", got " + refusal.message());
    }

    /** How CreateStateMachine refuses a definition: an error code and AWS's message. */
    record DefinitionRefusal(String error, String message) {

        /**
         * AWS's refusal of a definition with these diagnostics: {@code Invalid State Machine
         * Definition: 'CODE: message at /location'}, several ERROR diagnostics joined by {@code ", "}.
         */
        static DefinitionRefusal of(List<Diagnostic> diagnostics) {
            String all = diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                    .collect(Collectors.joining(", "));
            return new DefinitionRefusal(INVALID_DEFINITION, "Invalid State Machine Definition: '" + all + "'");
        }
    }

    /**
     * Pairs each actual diagnostic with at most one expected diagnostic it fits, as many pairs as
     * possible (augmenting paths, as for a bipartite matching). Returns for each actual diagnostic
     * the index of its expected partner, or -1.
     */
    private static int[] pair(List<Diagnostic> wanted, List<Diagnostic> actual, boolean withMessages) {
        int[] owner = new int[actual.size()];
        Arrays.fill(owner, -1);
        for (int e = 0; e < wanted.size(); e++) {
            claim(e, wanted, actual, withMessages, owner, new boolean[actual.size()]);
        }
        return owner;
    }

    private static boolean claim(int e, List<Diagnostic> wanted, List<Diagnostic> actual, boolean withMessages,
                                 int[] owner, boolean[] seen) {
        for (int a = 0; a < actual.size(); a++) {
            if (!seen[a] && fits(wanted.get(e), actual.get(a), withMessages)) {
                seen[a] = true;
                if (owner[a] < 0 || claim(owner[a], wanted, actual, withMessages, owner, seen)) {
                    owner[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean fits(Diagnostic expected, Diagnostic actual, boolean withMessages) {
        return Objects.equals(expected.severity(), actual.severity()) && Objects.equals(expected.code(), actual.code())
                && nullableMatch(expected.location(), actual.location())
                && (!withMessages || nullableMatch(expected.message(), actual.message()));
    }

    private static boolean nullableMatch(String expected, String actual) {
        return expected == null || actual == null ? expected == actual : ResultMatcher.textMatches(expected, actual);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String describe(Diagnostic d) {
        String message = d.message() == null ? "null" : ResultMatcher.shortJson(Json.NODES.textNode(d.message()), 60);
        return d.severity() + " " + d.code() + " at " + (d.location() == null ? "null" : "'" + d.location() + "'")
                + ": " + message;
    }
}
