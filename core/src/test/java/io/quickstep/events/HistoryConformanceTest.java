package io.quickstep.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import io.quickstep.testing.CaseFiles;
import io.quickstep.testing.KnownFailures;
import io.quickstep.testing.Mocks;
import io.quickstep.testing.ResultMatcher;
import io.quickstep.testing.TestCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Judges the engine's history events by AWS's: every case of the conformance corpus with a
 * {@code history} runs on the calling thread with its state machine recording events (its mocks
 * answer its Task states, on a virtual clock), and its events must equal the recorded ones one by
 * one, type, id, previous id and details, compared by {@link ResultMatcher} except at the case's
 * {@code history_ignore} paths. Cases listed in {@code history-known-failures.txt} must fail; once
 * one passes, its test fails until the line is removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryConformanceTest {
    private static final String HISTORY = "$.history";

    private KnownFailures knownFailures;
    private List<TestCase> cases;

    @BeforeAll
    void loadCorpus() throws Exception {
        Path root = Path.of(HistoryConformanceTest.class.getResource("/conformance").toURI());
        knownFailures = KnownFailures.load(root.resolve("history-known-failures.txt"));
        cases = CaseFiles.load(List.of(root.resolve("cases"))).stream()
                .filter(testCase -> testCase.kind() == TestCase.Kind.EXECUTION && testCase.file().has("history"))
                .toList();
    }

    @TestFactory
    List<DynamicTest> everyCaseWithAHistory() {
        return cases.stream().map(testCase -> dynamicTest(testCase.id(), () -> check(testCase))).toList();
    }

    @Test
    void corpusHasItsHistories() {
        assertTrue(cases.size() >= 290, "expected the corpus's histories, found " + cases.size());
    }

    @Test
    void knownFailuresNameCasesWithAHistory() {
        Set<String> unknown = new TreeSet<>(knownFailures.ids());
        unknown.removeAll(cases.stream().map(TestCase::id).collect(Collectors.toSet()));
        assertEquals(Set.of(), unknown, "history-known-failures.txt lists ids of no case with a history");
    }

    private void check(TestCase testCase) {
        String difference = difference(testCase);
        knownFailures.check(testCase.id(), difference);
    }

    /** Where the engine's events differ from the case's history first, or null when they agree. */
    static String difference(TestCase testCase) {
        StateMachine machine = StateMachine.create(testCase.machineName(), testCase.definitionText())
                .recordingEvents(true);
        ExecutionResult result = machine.execute(testCase.input(), ExecutionOptions.defaults()
                .tasks(new Mocks(testCase.mocks())).clock(Clock.virtual()).executionName(testCase.executionName()));
        JsonNode expected = testCase.file().get("history");
        Set<String> ignore = new LinkedHashSet<>();
        testCase.file().path("history_ignore").forEach(path -> ignore.add(path.asText()));
        List<HistoryEvent> events = result.events();
        for (int i = 0; i < Math.min(expected.size(), events.size()); i++) {
            String path = HISTORY + "[" + i + "]";
            String difference = ResultMatcher.diff(expected.get(i), inCaseForm(events.get(i), expected.get(i)), path,
                    ignore);
            if (difference != null) {
                return difference + " (event " + expected.get(i).path("type").asText() + ", got "
                        + events.get(i).type() + ")";
            }
        }
        if (expected.size() != events.size()) {
            return HISTORY + ": expected " + expected.size() + " events, got " + events.size() + " ("
                    + (events.size() > expected.size() ? "first extra: " + events.get(expected.size()).toJson()
                    : "first missing: " + expected.get(events.size())) + ")";
        }
        return null;
    }

    /** The event as the case writes it: a cause that the case gives as a JSON object is parsed. */
    private static JsonNode inCaseForm(HistoryEvent event, JsonNode expected) {
        ObjectNode actual = event.toJson();
        String key = event.type().detailsKey();
        JsonNode cause = key == null ? null : expected.path(key).get("cause");
        JsonNode actualCause = key == null || event.details() == null ? null : event.details().get("cause");
        if (cause != null && cause.isObject() && actualCause != null) {
            try {
                ((ObjectNode) actual.get(key)).set("cause", Json.parse(actualCause.asText()));
            } catch (JsonProcessingException notJson) {
                // left as text: the comparison reports it
            }
        }
        return actual;
    }
}
