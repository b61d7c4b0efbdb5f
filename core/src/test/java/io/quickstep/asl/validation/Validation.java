package io.quickstep.asl.validation;

import io.quickstep.asl.Diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Running the validator in tests and comparing what it says, in any order. */
final class Validation {
    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::toString);

    private Validation() {
    }

    static List<Diagnostic> standard(String definition) {
        return DefinitionValidator.validate(definition, "STANDARD");
    }

    static List<Diagnostic> express(String definition) {
        return DefinitionValidator.validate(definition, "EXPRESS");
    }

    /** A machine of the one state {@code S}, described by {@code state} (a JSON object). */
    static String oneState(String state) {
        return "{\"StartAt\": \"S\", \"States\": {\"S\": " + state + "}}";
    }

    /** As {@link #oneState}, in a machine whose QueryLanguage is JSONata. */
    static String oneJsonataState(String state) {
        return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": " + state + "}}";
    }

    static Diagnostic schema(String message, String location) {
        return Diagnostic.error("SCHEMA_VALIDATION_FAILED", message, location);
    }

    static Diagnostic error(String code, String message, String location) {
        return Diagnostic.error(code, message, location);
    }

    /** The diagnostics are exactly these, in any order. */
    static void assertDiagnostics(List<Diagnostic> actual, Diagnostic... expected) {
        List<Diagnostic> wanted = new ArrayList<>(List.of(expected));
        List<Diagnostic> got = new ArrayList<>(actual);
        wanted.sort(ORDER);
        got.sort(ORDER);
        assertEquals(wanted, got);
    }

    static void assertValid(List<Diagnostic> actual) {
        assertDiagnostics(actual);
    }
}
