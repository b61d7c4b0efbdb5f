package io.quickstep.testing;

import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.execution.ExecutionResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The conformance corpus through the runtime: every execution case that passes on the VM (that
 * is, is not a known failure) is started on a two-shard engine, all at once, in real time: Waits,
 * retry back-off and task timeouts run on the shards' timer wheels, no thread sleeps for them.
 */
class RuntimeConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyPassingCaseAlsoPassesThroughTheRuntime() throws Exception {
        Path root = Path.of(RuntimeConformanceTest.class.getResource("/conformance").toURI());
        KnownFailures known = KnownFailures.load(root.resolve("known-failures.txt"));
        List<TestCase> cases = new ArrayList<>();
        for (TestCase testCase : CaseFiles.load(List.of(root.resolve("cases")))) {
            if (testCase.kind() == TestCase.Kind.EXECUTION && known.reason(testCase.id()) == null) {
                cases.add(testCase);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        try (Engine engine = Engine.launch(new Engine.Context().shards(2))) {
            List<Mocks> mocks = new ArrayList<>();
            List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
            for (TestCase testCase : cases) {
                StateMachine machine = machine(testCase);
                Mocks answers = new Mocks(testCase.mocks());
                StartResult start = engine.start(machine, testCase.input(), testCase.executionName(), answers);
                assertEquals(StartResult.Status.ACCEPTED, start.status(), testCase.id());
                mocks.add(answers);
                results.add(start.completion());
            }
            for (int i = 0; i < cases.size(); i++) {
                TestCase testCase = cases.get(i);
                ExecutionResult result = results.get(i).get(60, TimeUnit.SECONDS);
                Mocks answers = mocks.get(i);
                String difference = answers.overrun() != null ? answers.overrun()
                        : ExecutionCaseJudge.diff(testCase.expected(), result, testCase.ignore());
                String problem = difference != null ? difference : answers.unused();
                tests.add(DynamicTest.dynamicTest(testCase.id(), () -> assertNull(problem, testCase.id() + ": " + problem)));
            }
        }
        assertEquals(cases.size(), tests.size());
        return tests.stream();
    }

    private static StateMachine machine(TestCase testCase) {
        try {
            return StateMachine.create(testCase.machineName(), testCase.definitionText());
        } catch (DefinitionException e) {
            throw new AssertionError(testCase.id() + ": definition refused: " + e.getMessage(), e);
        }
    }
}
