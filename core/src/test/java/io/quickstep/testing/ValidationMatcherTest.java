package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValidationMatcherTest {
    private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    private static final Diagnostic NO_STATES = Diagnostic.error(SCHEMA, "These fields are required: [States]", "/");
    private static final Diagnostic BAD_TIMESTAMP = Diagnostic.error(SCHEMA, "String does not match RFC3339 timestamp",
            "/States/WaitUntil/Timestamp");
    private static final String JACKSON_LOCATION = "[Source: (String)\"x\"; line: 1, column: 2]";

    /** An {@code expected.validate} as the corpus writes it. */
    private static JsonNode validate(String result, Diagnostic... diagnostics) {
        ObjectNode expected = Json.NODES.objectNode().put("result", result);
        ArrayNode list = expected.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            list.addObject().put("severity", d.severity()).put("code", d.code()).put("message", d.message())
                    .put("location", d.location());
        }
        return expected;
    }

    private static String diff(JsonNode expected, Diagnostic... actual) {
        return ValidationMatcher.diffValidate(expected, List.of(actual), Set.of());
    }

    @Test
    void shouldMatchDiagnosticsInAnyOrder() {
        assertNull(diff(validate("FAIL", BAD_TIMESTAMP, NO_STATES), NO_STATES, BAD_TIMESTAMP));
    }

    @Test
    void shouldCompareTheResultFirst() {
        assertEquals("$.validate.result: expected OK, got FAIL"
                        + " (ERROR SCHEMA_VALIDATION_FAILED at '/': \"These fields are required: [States]\")",
                diff(validate("OK"), NO_STATES));
        Diagnostic warning = new Diagnostic(Diagnostic.WARNING, "W", "just saying", null);
        assertEquals("$.validate.diagnostics: unexpected WARNING W at null: \"just saying\"", diff(validate("OK"), warning));
    }

    @Test
    void shouldNameMissingAndUnexpectedDiagnostics() {
        Diagnostic both = Diagnostic.error(SCHEMA, "These fields are required: [States, StartAt]", "/");
        assertEquals("$.validate.diagnostics:"
                        + " missing ERROR SCHEMA_VALIDATION_FAILED at '/': \"These fields are required: [States, StartAt]\";"
                        + " unexpected ERROR SCHEMA_VALIDATION_FAILED at '/': \"These fields are required: [States]\"",
                diff(validate("FAIL", both), NO_STATES));
    }

    @Test
    void shouldSkipMessagesOnlyWhenIgnored() {
        JsonNode expected = validate("FAIL", Diagnostic.error("INVALID_JSON_DESCRIPTION", "Jackson's words", JACKSON_LOCATION));
        Diagnostic ours = Diagnostic.error("INVALID_JSON_DESCRIPTION", "our words", JACKSON_LOCATION);
        assertNull(ValidationMatcher.diffValidate(expected, List.of(ours), Set.of(ValidationMatcher.MESSAGES)));
        assertEquals("$.validate.diagnostics:"
                        + " missing ERROR INVALID_JSON_DESCRIPTION at '" + JACKSON_LOCATION + "': \"Jackson's words\";"
                        + " unexpected ERROR INVALID_JSON_DESCRIPTION at '" + JACKSON_LOCATION + "': \"our words\"",
                diff(expected, ours));

        Diagnostic elsewhere = Diagnostic.error("INVALID_JSON_DESCRIPTION", "our words", "/");
        assertEquals("$.validate.diagnostics:"
                        + " missing ERROR INVALID_JSON_DESCRIPTION at '" + JACKSON_LOCATION + "': \"Jackson's words\";"
                        + " unexpected ERROR INVALID_JSON_DESCRIPTION at '/': \"our words\"",
                ValidationMatcher.diffValidate(expected, List.of(elsewhere), Set.of(ValidationMatcher.MESSAGES)));
    }

    @Test
    void shouldMatchANullLocationOnlyWithNone() {
        String message = "Definition must be a valid JSON object";
        JsonNode expected = validate("FAIL", Diagnostic.error(SCHEMA, message, null));
        assertNull(diff(expected, Diagnostic.error(SCHEMA, message, null)));
        assertEquals("$.validate.diagnostics:"
                        + " missing ERROR SCHEMA_VALIDATION_FAILED at null: \"" + message + "\";"
                        + " unexpected ERROR SCHEMA_VALIDATION_FAILED at '/': \"" + message + "\"",
                diff(expected, Diagnostic.error(SCHEMA, message, "/")));
    }

    @Test
    void shouldPairDiagnosticsSoThatAsManyAsPossibleMatch() {
        // The first expected diagnostic fits both actual ones; a greedy pairing could leave the second unmatched.
        JsonNode expected = validate("FAIL", Diagnostic.error("C", "<any>", "/States/<name>"),
                Diagnostic.error("C", "exact", "/States/A"));
        assertNull(diff(expected, Diagnostic.error("C", "exact", "/States/A"), Diagnostic.error("C", "other", "/States/B")));
    }

    @Test
    void shouldCompareACreateRefusalAsAwsWordsIt() throws Exception {
        JsonNode expected = Json.parse("{\"error\": \"InvalidDefinition\", \"message\": \"Invalid State Machine Definition:"
                + " 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'\"}");
        var refusal = ValidationMatcher.DefinitionRefusal.of(List.of(BAD_TIMESTAMP, new Diagnostic(Diagnostic.WARNING, "W", "w", null)));
        assertNull(ValidationMatcher.diffCreate(expected, refusal, Set.of()));
        assertEquals("$.create: expected InvalidDefinition, but the definition was accepted",
                ValidationMatcher.diffCreate(expected, null, Set.of()));

        var other = ValidationMatcher.DefinitionRefusal.of(List.of(NO_STATES));
        assertEquals("$.create.message:"
                        + " expected \"...CHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /S...\","
                        + " got \"...CHEMA_VALIDATION_FAILED: These fields are required: [States] at /'\"",
                ValidationMatcher.diffCreate(expected, other, Set.of()));
        assertNull(ValidationMatcher.diffCreate(expected, other, Set.of("$.create.message")));
    }

    @Test
    void shouldJoinSeveralErrorsInOneRefusal() {
        assertEquals("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /,"
                        + " SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp'",
                ValidationMatcher.DefinitionRefusal.of(List.of(NO_STATES, BAD_TIMESTAMP)).message());
    }
}
