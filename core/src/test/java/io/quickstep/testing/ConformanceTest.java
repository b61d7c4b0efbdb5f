package io.quickstep.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Runs the conformance corpus ({@code src/test/resources/conformance/cases}, recorded from AWS) on
 * the engine, one dynamic test per case, grouped by area. Cases listed in {@code known-failures.txt}
 * must fail; once one passes, its test fails until the line is removed.
 *
 * <p>{@link #passRateByArea()} prints the pass rate of each area, leaving out cases that need
 * JSONata or variables. With {@code -D}{@value #BAR_PROPERTY}{@code =true} it also asserts the bar:
 * at least 95% in {@code choice_operators} and 95% in all other areas together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {
    static final String BAR_PROPERTY = "quickstep.conformance.bar";
    private static final double BAR = 0.95;
    private static final String CHOICE_OPERATORS = "choice_operators";

    private KnownFailures knownFailures;
    private List<CaseResult> results;

    @BeforeAll
    void runCorpus() throws Exception {
        Path root = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        knownFailures = KnownFailures.load(root.resolve("known-failures.txt"));
        results = new CaseRunner().run(CaseFiles.load(List.of(root.resolve("cases"))));
    }

    @TestFactory
    List<DynamicNode> everyCase() {
        Map<String, List<DynamicNode>> byArea = new TreeMap<>();
        for (CaseResult result : results) {
            String id = result.testCase().id();
            byArea.computeIfAbsent(result.testCase().area(), area -> new ArrayList<>())
                    .add(dynamicTest(id, () -> check(result)));
        }
        List<DynamicNode> areas = new ArrayList<>();
        byArea.forEach((area, tests) -> areas.add(DynamicContainer.dynamicContainer(area, tests)));
        return areas;
    }

    @Test
    void corpusIsComplete() {
        assertTrue(results.size() >= 600, "expected the whole corpus, found " + results.size() + " cases");
    }

    @Test
    void knownFailuresNameCasesOfTheCorpus() {
        Set<String> ids = results.stream().map(r -> r.testCase().id()).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(knownFailures.ids());
        unknown.removeAll(ids);
        assertEquals(Set.of(), unknown, "known-failures.txt lists ids of no case");
    }

    @Test
    void passRateByArea() {
        Map<String, int[]> byArea = new TreeMap<>();
        for (CaseResult result : results) {
            if (!result.testCase().usesJsonataOrVariables()) {
                int[] counts = byArea.computeIfAbsent(result.testCase().area(), area -> new int[2]);
                counts[0] += result.passed() ? 1 : 0;
                counts[1]++;
            }
        }
        int[] choice = byArea.getOrDefault(CHOICE_OPERATORS, new int[2]);
        int[] others = new int[2];
        byArea.forEach((area, counts) -> {
            if (!area.equals(CHOICE_OPERATORS)) {
                others[0] += counts[0];
                others[1] += counts[1];
            }
        });
        StringBuilder table = new StringBuilder("Conformance pass rate (cases needing JSONata or variables left out):\n");
        byArea.forEach((area, counts) -> table.append(row(area, counts)));
        table.append(row("= " + CHOICE_OPERATORS, choice)).append(row("= all other areas", others));
        System.out.print(table);

        if (Boolean.getBoolean(BAR_PROPERTY)) {
            assertTrue(rate(choice) >= BAR, CHOICE_OPERATORS + " is below the bar of 95%:\n" + table);
            assertTrue(rate(others) >= BAR, "the other areas are below the bar of 95%:\n" + table);
        }
    }

    private void check(CaseResult result) {
        // The id leads each message: Surefire's console summary names dynamic tests only by number.
        String id = result.testCase().id();
        knownFailures.check(id, result.passed() ? null : result.difference());
    }

    private static String row(String label, int[] counts) {
        return String.format("  %-24s %4d / %4d  %5.1f%%%n", label, counts[0], counts[1], 100 * rate(counts));
    }

    private static double rate(int[] counts) {
        return counts[1] == 0 ? 1 : (double) counts[0] / counts[1];
    }
}
