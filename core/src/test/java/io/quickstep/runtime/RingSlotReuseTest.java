package io.quickstep.runtime;

import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.metrics.EngineErrors;
import io.quickstep.metrics.EngineMetrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A full ring under starts from many threads, with executions that end within their own start (a
 * Pass state): an ended execution frees its ring slot at once, and a producer may fill the slot
 * with the next start while the shard is still handling the first. No start may be lost or mixed
 * up: every accepted start succeeds and the engine records no fault. (The shard once cleared a
 * slot after handling it, wiping a start written into it meanwhile: the execution was counted as
 * started and never ended.)
 */
class RingSlotReuseTest {
    private static final int THREADS = 4;
    private static final int STARTS_EACH = 10_000;

    @Test
    void everyAcceptedStartRunsWhenSlotsAreReusedAtOnce() throws Exception {
        StateMachine pass = StateMachine.create("pass",
                "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).maxInFlightPerShard(64))) {
            List<Future<Integer>> producers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                producers.add(threads.submit(() -> {
                    int accepted = 0;
                    for (int i = 0; i < STARTS_EACH; i++) {
                        accepted += engine.start(pass, "{}").status() == StartResult.Status.ACCEPTED ? 1 : 0;
                    }
                    return accepted;
                }));
            }
            long accepted = 0;
            for (Future<Integer> producer : producers) {
                accepted += producer.get(60, TimeUnit.SECONDS);
            }
            EngineMetrics metrics = engine.metrics();
            for (long deadline = System.currentTimeMillis() + 30_000;
                 metrics.running() > 0 && System.currentTimeMillis() < deadline; metrics = engine.metrics()) {
                Thread.sleep(10);
            }
            assertEquals(0, metrics.errors().count(EngineErrors.Kind.ENGINE_FAULT), "engine faults");
            assertEquals(0, metrics.errors().count(EngineErrors.Kind.SHARD_FAULT), "shard faults");
            assertEquals(accepted, metrics.started());
            assertEquals(accepted, metrics.succeeded());
        } finally {
            threads.shutdownNow();
        }
    }
}
