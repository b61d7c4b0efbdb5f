package io.quickstep.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.service.StepFunctionsService;
import io.quickstep.testing.KnownFailures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The conformance corpus through boto3 and the HTTP API: the corpus's own {@code run.py} (the copy
 * in {@code src/test/resources/conformance/tools}) against a fresh server on an ephemeral loopback
 * port, once for core's execution and validation cases (an EXPRESS machine per definition,
 * StartSyncExecution; ValidateStateMachineDefinition and CreateStateMachine) and once for the API
 * cases ({@code --only api/}). Each case is judged with the known-failures discipline of
 * {@code ConformanceTest} and {@code ApiConformanceTest}, from the same lists: a failing case must
 * be listed, a listed case must fail ("now passes: remove it"), so the lists only shrink.
 *
 * <p>Skipped, with the reason, without python3 or boto3 ({@code .ci/run} installs Debian's
 * python3-boto3). A boto3 that predates ValidateStateMachineDefinition (Debian's may) has no
 * {@code validate_state_machine_definition}; run.py then fails those calls with an AttributeError,
 * and this test counts those cases as skipped for that reason instead of judging them. Cases with
 * {@code mocks} are skipped by run.py itself (the plain API cannot hand an engine Lambda's
 * answers); {@code ConformanceTest} runs them on the engine. The logs cases ({@code kind: "logs"})
 * run on machines created with the case's loggingConfiguration; the server writes their records into
 * a temporary log directory ({@code Engine.Context.logDirectory}) that run.py reads ({@code --log-dir}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Boto3ConformanceTest {
    private static final Path CORE_CONFORMANCE = Path.of("..", "core", "src", "test", "resources", "conformance");
    /** What run.py passed with when this was written: the floor, raised as the engine improves. */
    private static final int KNOWN_PASSED = 595;
    private static final int KNOWN_API_PASSED = 67;
    private static final String MOCKED_SKIP = "mocked-tasks need an engine-side mock runner";
    private static final String NO_VALIDATE = "ValidateStateMachineDefinition AttributeError";

    private RunPy.Python python;
    private RunPy.Run cases;
    private RunPy.Run apiCases;
    private KnownFailures knownFailures;
    private KnownFailures knownApiFailures;

    @BeforeAll
    void runCorpus() throws Exception {
        python = RunPy.probe();
        if (python.unavailable() != null) {
            System.out.println("Boto3ConformanceTest skipped: " + python.unavailable());
        }
        assumeTrue(python.unavailable() == null, python.unavailable());
        if (!python.validates()) {
            System.out.println("Boto3ConformanceTest: this boto3 predates ValidateStateMachineDefinition; "
                    + "validation cases that call it are counted as skipped");
        }
        knownFailures = KnownFailures.load(CORE_CONFORMANCE.resolve("known-failures.txt"));
        Path transportConformance = Path.of(Boto3ConformanceTest.class.getResource("/conformance").toURI());
        knownApiFailures = KnownFailures.load(transportConformance.resolve("api-known-failures.txt"));
        // The corpus holds AWS's answers: Express machines refuse activities and .waitForTaskToken.
        try (LocalServer server = LocalServer.start(new Engine.Context().shards(1),
                new StepFunctionsService.Settings().expressCallbacks(false))) {
            apiCases = RunPy.run(transportConformance, server.endpoint(), "--only", "api/");
        }
        Path logs = Files.createTempDirectory("boto3-conformance-logs");
        try (LocalServer server = LocalServer.start(new Engine.Context().shards(2).logDirectory(logs),
                new StepFunctionsService.Settings().expressCallbacks(false))) {
            cases = RunPy.run(CORE_CONFORMANCE.resolve("cases"), server.endpoint(), "--log-dir", logs.toString());
        } finally {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        System.out.println("run.py, execution and validation cases: " + summary(cases));
        System.out.println("run.py, API cases: " + summary(apiCases));
    }

    @TestFactory
    List<DynamicNode> everyCase() {
        return List.of(DynamicContainer.dynamicContainer("executions and validation", tests(cases, knownFailures)),
                DynamicContainer.dynamicContainer("api", tests(apiCases, knownApiFailures)));
    }

    @Test
    void everyCaseOfTheCorpusRan() throws Exception {
        try (Stream<Path> files = Files.walk(CORE_CONFORMANCE.resolve("cases"))) {
            assertEquals(files.filter(f -> f.toString().endsWith(".json")).count(), cases.cases().size());
        }
        assertEquals(69, apiCases.cases().size());
        assertEquals(cases.cases().size(), cases.passed() + cases.failed() + cases.skipped(), cases.output());
    }

    @Test
    void passCountsStayAtLeastWhereTheyWere() {
        long unvalidated = cases.cases().stream().filter(this::skippedForOldBoto3).count();
        assertTrue(cases.passed() >= KNOWN_PASSED - unvalidated, summary(cases));
        assertTrue(apiCases.passed() >= KNOWN_API_PASSED, summary(apiCases));
    }

    private List<DynamicNode> tests(RunPy.Run run, KnownFailures known) {
        return run.cases().stream()
                .<DynamicNode>map(c -> dynamicTest(c.path("id").asText(), () -> check(c, known)))
                .toList();
    }

    private void check(JsonNode result, KnownFailures known) {
        String id = result.path("id").asText();
        String outcome = result.path("result").asText();
        String detail = result.path("detail").asText();
        assumeTrue(!skippedForOldBoto3(result), "this boto3 has no validate_state_machine_definition");
        assumeTrue(!outcome.equals("skipped") || !detail.equals(MOCKED_SKIP), MOCKED_SKIP);
        String reason = known.reason(id);
        if (outcome.equals("skipped")) {
            fail(id + ": skipped by run.py: " + detail);
        }
        if (reason == null && outcome.equals("failed")) {
            fail(id + ": " + detail);
        }
        if (reason != null && outcome.equals("passed")) {
            fail(id + ": now passes through boto3 too: remove it from the known failures (" + reason + ")");
        }
    }

    private boolean skippedForOldBoto3(JsonNode result) {
        return !python.validates() && result.path("result").asText().equals("failed")
                && result.path("detail").asText().startsWith(NO_VALIDATE);
    }

    private static String summary(RunPy.Run run) {
        return run.passed() + " passed, " + run.failed() + " failed, " + run.skipped() + " skipped";
    }
}
