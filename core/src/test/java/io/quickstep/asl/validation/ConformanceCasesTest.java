package io.quickstep.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.Diagnostic;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.events.LoggingConfigurationException;
import io.quickstep.json.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conformance corpus (test resource {@code conformance/cases}): what AWS said about the
 * definitions of cases/validation (and of the logging configurations some of them create a machine
 * with), and every execution case's definition, which AWS accepted.
 */
class ConformanceCasesTest {
    private static final String MESSAGES = "$.validate.diagnostics[*].message";

    @TestFactory
    Stream<DynamicTest> validationCasesGetAwsAnswer() throws IOException, URISyntaxException {
        List<JsonNode> cases = cases(true);
        assertEquals(19, cases.size(), "validation cases found");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> judge(c)));
    }

    @TestFactory
    Stream<DynamicTest> executionCaseDefinitionsAreAccepted() throws IOException, URISyntaxException {
        List<JsonNode> cases = cases(false);
        assertTrue(cases.size() > 600, "execution cases found: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            // The conformance runner creates every machine as EXPRESS; AWS recorded most as STANDARD.
            for (String type : List.of("EXPRESS", c.path("recorded_as").asText("STANDARD"))) {
                List<Diagnostic> errors = DefinitionValidator.validate(Json.write(c.get("definition")), type)
                        .stream().filter(Diagnostic::isError).toList();
                assertEquals(List.of(), errors, type);
            }
        }));
    }

    private static void judge(JsonNode c) {
        String text = c.has("definition_text") ? c.get("definition_text").asText() : Json.write(c.get("definition"));
        List<Diagnostic> diagnostics = DefinitionValidator.validate(text, c.get("type").asText());
        JsonNode expected = c.get("expected");
        boolean ignoreMessages = c.get("ignore").toString().contains(MESSAGES);
        if (expected.has("validate")) {
            JsonNode validate = expected.get("validate");
            String result = diagnostics.stream().anyMatch(Diagnostic::isError) ? "FAIL" : "OK";
            assertEquals(validate.get("result").asText(), result, "result, with " + diagnostics);
            assertSameDiagnostics(validate.get("diagnostics"), diagnostics, !ignoreMessages);
        }
        if (expected.has("create") && c.has("logging_configuration")) {
            // A valid definition with a logging configuration AWS refuses (InvalidLoggingConfiguration).
            assertEquals(List.of(), diagnostics.stream().filter(Diagnostic::isError).toList());
            LoggingConfigurationException refused = assertThrows(LoggingConfigurationException.class,
                    () -> LoggingConfiguration.parse(c.get("logging_configuration")));
            assertEquals(expected.get("create").get("error").asText(), refused.error());
            assertEquals(expected.get("create").get("message").asText(), refused.getMessage());
            return;
        }
        if (expected.has("create")) {
            List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
            assertFalse(errors.isEmpty(), "the definition was accepted");
            // CreateStateMachine's InvalidDefinition message quotes every error as CODE: message at location.
            String message = "Invalid State Machine Definition: '"
                    + errors.stream().map(Diagnostic::toString).collect(Collectors.joining(", ")) + "'";
            String wanted = expected.get("create").get("message").asText();
            assertTrue(Placeholders.matches(wanted, message), "expected " + wanted + "\n     got " + message);
        }
    }

    /** A multiset comparison: each expected diagnostic takes one actual diagnostic it matches. */
    private static void assertSameDiagnostics(JsonNode expected, List<Diagnostic> actual, boolean withMessages) {
        List<Diagnostic> left = new ArrayList<>(actual);
        for (JsonNode e : expected) {
            Diagnostic match = left.stream().filter(a -> fits(e, a, withMessages)).findFirst()
                    .orElseGet(() -> fail("missing " + e + " in " + actual));
            left.remove(match);
        }
        assertEquals(List.of(), left, "unexpected diagnostics");
    }

    private static boolean fits(JsonNode e, Diagnostic a, boolean withMessages) {
        return e.get("severity").asText().equals(a.severity()) && e.get("code").asText().equals(a.code())
                && Placeholders.matches(e.get("location").textValue(), a.location())
                && (!withMessages || Placeholders.matches(e.get("message").textValue(), a.message()));
    }

    private static List<JsonNode> cases(boolean validation) throws IOException, URISyntaxException {
        URL corpus = ConformanceCasesTest.class.getResource("/conformance/cases");
        assertNotNull(corpus, "the conformance corpus is a test resource");
        List<JsonNode> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(corpus.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode c = Json.parse(Files.readAllBytes(file));
                if ("validation".equals(c.path("kind").asText()) == validation) {
                    cases.add(c);
                }
            }
        }
        return cases;
    }
}
