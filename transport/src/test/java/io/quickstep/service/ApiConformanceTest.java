package io.quickstep.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import io.quickstep.testing.KnownFailures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * AWS's recorded API behaviour ({@code src/test/resources/conformance/api}, see the corpus's
 * README, "API cases"): each case run by {@link ApiCaseRunner} (its calls, in order, through
 * {@link StepFunctionsService#call} on a fresh engine and service, compared with AWS's answers as
 * {@code run.py} compares them; {@code quickstep test} runs API cases with it too).
 * Cases listed in {@code api-known-failures.txt} must fail; once one passes, its test fails until
 * the line is removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiConformanceTest {
    private static final int CASES = 69;
    private static final int MAX_KNOWN_FAILURES = 3;

    private KnownFailures knownFailures;
    private List<JsonNode> cases;

    @BeforeAll
    void loadCorpus() throws Exception {
        Path root = Path.of(ApiConformanceTest.class.getResource("/conformance").toURI());
        knownFailures = KnownFailures.load(root.resolve("api-known-failures.txt"));
        cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("api"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.add(Json.parse(Files.readAllBytes(file)));
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyCase() {
        return cases.stream().map(c -> dynamicTest(c.get("id").asText(), () -> check(c))).toList();
    }

    @Test
    void corpusIsComplete() {
        assertEquals(CASES, cases.size(), "the API cases of the corpus");
    }

    @Test
    void knownFailuresNameCasesOfTheCorpusAndStayWithinTheBar() throws Exception {
        Set<String> ids = cases.stream().map(c -> c.get("id").asText()).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(knownFailures.ids());
        unknown.removeAll(ids);
        assertEquals(Set.of(), unknown, "api-known-failures.txt lists ids of no case");
        assertTrue(knownFailures.ids().size() <= MAX_KNOWN_FAILURES,
                "at least 95% of the API cases must pass: at most " + MAX_KNOWN_FAILURES + " known failures");
    }

    private void check(JsonNode apiCase) throws Exception {
        String id = apiCase.get("id").asText();
        String difference = ApiCaseRunner.run(apiCase);
        knownFailures.check(id, difference);
    }
}
