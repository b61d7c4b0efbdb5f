package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;

import static io.quickstep.jsonata.MapScope.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Compiled expressions are shared: each evaluation sees its own bindings, whatever other threads do. */
class ThreadSafetyTest {
    private static final int THREADS = 8;
    private static final int EVALUATIONS = 2_000;

    @Test
    void threadsEvaluatingOneExpressionEachGetTheirOwnResult() throws Exception {
        JsonataExpression expression = JsonataExpression.compile(
                "{'sum': $sum($map($states.input.items, function($x) {$x * $factor})), 'id': $states.input.id & $suffix}");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                MapScope scope = MapScope.input("{\"id\": \"t" + id + "\", \"items\": [1, 2, " + id + "]}")
                        .with("factor", String.valueOf(id)).with("suffix", "\"-" + id + "\"");
                JsonNode expected = json("{\"sum\": " + (3 + id) * id + ", \"id\": \"t" + id + "-" + id + "\"}");
                try {
                    start.await();
                    for (int i = 0; i < EVALUATIONS; i++) {
                        assertEquals(expected, expression.evaluate(scope, "Output"));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }

    /**
     * The library keeps per-thread evaluation state in the instance it parsed last on that thread.
     * Were that a shared expression, another thread evaluating it would find this thread's bindings.
     */
    @Test
    void bindingsOfAnEvaluationNeverReachAnotherThread() throws Exception {
        JsonataExpression writer = JsonataExpression.compile("$secret & '!'");
        JsonataExpression reader = JsonataExpression.compile("$secret");
        assertEquals(json("\"execution A!\""), writer.evaluate(MapScope.empty().with("secret", "\"execution A\""), "Output"));
        JsonNode[] seen = {json("\"not evaluated\"")};
        Thread other = new Thread(() -> seen[0] = reader.evaluate(MapScope.empty(), "Output"));
        other.start();
        other.join();
        assertNull(seen[0]);
    }
}
