package io.quickstep.events;

import io.quickstep.execution.Clock;
import io.quickstep.testing.CaseFiles;
import io.quickstep.testing.CaseJudge;
import io.quickstep.testing.KnownFailures;
import io.quickstep.testing.TestCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Judges the CloudWatch Logs records made of the engine's events ({@link CloudWatchRecord}) by
 * AWS's: every logs case of the corpus ({@code kind: "logs"}) runs on a virtual clock with its
 * logging level and includeExecutionData, and its records must equal {@code expected_logs} one by
 * one, as the engine's case judge compares them ({@code CaseJudge.ENGINE}, which
 * {@code quickstep test} uses too). Cases listed in {@code logs-known-failures.txt} must fail; once
 * one passes, its test fails until the line is removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsConformanceTest {
    private KnownFailures knownFailures;
    private List<TestCase> cases;

    @BeforeAll
    void loadCorpus() throws Exception {
        Path root = Path.of(LogsConformanceTest.class.getResource("/conformance").toURI());
        knownFailures = KnownFailures.load(root.resolve("logs-known-failures.txt"));
        cases = CaseFiles.load(List.of(root.resolve("cases"))).stream()
                .filter(testCase -> testCase.kind() == TestCase.Kind.LOGS)
                .toList();
    }

    @TestFactory
    List<DynamicTest> everyLogsCase() {
        return cases.stream().map(testCase -> dynamicTest(testCase.id(), () -> check(testCase))).toList();
    }

    @Test
    void corpusHasItsLogsCases() {
        assertTrue(cases.size() >= 11, "expected the corpus's logs cases, found " + cases.size());
    }

    @Test
    void knownFailuresNameLogsCases() {
        Set<String> unknown = new TreeSet<>(knownFailures.ids());
        unknown.removeAll(cases.stream().map(TestCase::id).collect(Collectors.toSet()));
        assertEquals(Set.of(), unknown, "logs-known-failures.txt lists ids of no logs case");
    }

    @Test
    void atLeast95PercentPass() {
        long failing = knownFailures.ids().size();
        assertTrue(cases.size() - failing >= Math.ceil(0.95 * cases.size()),
                (cases.size() - failing) + " of " + cases.size() + " logs cases pass");
    }

    private void check(TestCase testCase) throws Exception {
        String difference = CaseJudge.ENGINE.judge(testCase, Clock.virtual());
        knownFailures.check(testCase.id(), difference);
    }
}
