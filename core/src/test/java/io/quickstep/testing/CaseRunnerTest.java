package io.quickstep.testing;

import io.quickstep.execution.Clock;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseRunnerTest {

    private static TestCase testCase(String id) throws Exception {
        return TestCase.parse(Json.parse("{\"id\":\"" + id + "\",\"definition\":{\"StartAt\":\"P\",\"States\":{}},"
                + "\"expected\":{\"status\":\"SUCCEEDED\",\"output\":{}}}"), id);
    }

    private static List<TestCase> cases(String... ids) throws Exception {
        List<TestCase> cases = new ArrayList<>();
        for (String id : ids) {
            cases.add(testCase(id));
        }
        return cases;
    }

    @Test
    void shouldReturnOneResultPerCaseInTheOrderGiven() throws Exception {
        List<CaseResult> results = new CaseRunner().jobs(3)
                .judge((c, clock) -> c.id().startsWith("bad") ? "$.output: differs" : null)
                .run(cases("a/1#0", "bad/2#0", "a/3#0", "bad/4#0", "a/5#0"));
        assertEquals(List.of("a/1#0", "bad/2#0", "a/3#0", "bad/4#0", "a/5#0"), results.stream().map(r -> r.testCase().id()).toList());
        assertEquals(List.of(true, false, true, false, true), results.stream().map(CaseResult::passed).toList());
        assertEquals("$.output: differs", results.get(1).difference());
    }

    @Test
    void shouldRunCasesConcurrently() throws Exception {
        // Each case waits for the other: with one job at a time this would never finish in time.
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<CaseResult> results = new CaseRunner().jobs(2).caseTimeout(Duration.ofSeconds(30))
                .judge((c, clock) -> {
                    bothStarted.countDown();
                    bothStarted.await();
                    return null;
                })
                .run(cases("a/1#0", "a/2#0"));
        assertTrue(results.stream().allMatch(CaseResult::passed), results.toString());
    }

    @Test
    void shouldFailAHangingCaseWithoutBlockingTheOthers() throws Exception {
        List<CaseResult> results = new CaseRunner().jobs(1).caseTimeout(Duration.ofMillis(200))
                .judge((c, clock) -> {
                    if (c.id().startsWith("hang")) {
                        new CountDownLatch(1).await();
                    }
                    return null;
                })
                .run(cases("hang/1#0", "a/2#0", "a/3#0"));
        assertEquals("did not finish within 200 ms of wall-clock time; abandoned", results.get(0).difference());
        assertTrue(results.get(1).passed());
        assertTrue(results.get(2).passed());
    }

    @Test
    void shouldFailACaseWhoseEngineThrows() throws Exception {
        List<CaseResult> results = new CaseRunner()
                .judge((c, clock) -> {
                    throw new UnsupportedOperationException("in progress");
                })
                .run(cases("a/1#0"));
        assertTrue(results.get(0).difference().startsWith("engine threw java.lang.UnsupportedOperationException: in progress at "),
                results.get(0).difference());
    }

    @Test
    void shouldGiveEachCaseAVirtualClockUnlessRealTimeIsAsked() throws Exception {
        Set<Clock> clocks = ConcurrentHashMap.newKeySet();
        List<CaseResult> results = new CaseRunner().judge((c, clock) -> {
            long before = System.nanoTime();
            long start = clock.millis();
            clock.sleep(3_600_000);
            clocks.add(clock);
            // The hour passed on the clock at once (real time passes on it too: work is not free).
            long passed = clock.millis() - start;
            long slept = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
            return passed >= 3_600_000 && passed <= 3_600_000 + slept + 1 && slept < 60_000 ? null
                    : "the clock did not jump";
        }).run(cases("a/1#0", "a/2#0"));
        assertTrue(results.stream().allMatch(CaseResult::passed), results.toString());
        assertEquals(2, clocks.size());
    }

    @Test
    void shouldStopAVirtualClockOnceTheCaseIsAbandoned() throws Exception {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> new GuardedClock(Clock.virtual()).sleep(1));
        } finally {
            assertFalse(Thread.interrupted());
        }
    }

    @Test
    void shouldRefuseFewerThanOneJob() {
        assertThrows(IllegalArgumentException.class, () -> new CaseRunner().jobs(0));
    }
}
