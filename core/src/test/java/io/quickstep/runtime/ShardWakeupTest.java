package io.quickstep.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.asl.DefinitionParser;
import io.quickstep.compiler.CompiledMachine;
import io.quickstep.compiler.Compiler;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandlers;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.quickstep.runtime.EngineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shard's park/wake-up handshake under stress: shards idle with a strategy that parks with no
 * time limit, so one lost wake-up leaves an event unhandled for good and the bounded waits fail.
 * Starts come from several threads and task outcomes from others, each after a random pause so that
 * the shards keep going idle and being woken at every point of the handshake.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShardWakeupTest {
    /** Parks until unparked: only a producer's wake-up can bring the shard back. */
    private static final class ParkForever implements IdleStrategy {
        @Override
        public void idle(int workCount) {
            if (workCount <= 0) {
                idle();
            }
        }

        @Override
        public void idle() {
            LockSupport.park();
        }

        @Override
        public void reset() {
        }
    }

    @Test
    void noWakeUpIsLostWhenShardsParkWithoutATimeLimit() throws Exception {
        CompiledMachine machine = new CompiledMachine("wakeup", Compiler.compile(DefinitionParser.parse(json(
                "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:123456789012:function:later','End':true}}}"))), 60_000);
        ExecutorService completers = Executors.newFixedThreadPool(2);
        AsyncTaskHandler later = request -> CompletableFuture.supplyAsync(() -> {
            pause();
            return request.input();
        }, completers);
        TaskHandlers tasks = new TaskHandlers().register("later", later);
        Shards shards = new Shards(new Shards.Settings(2, 1024, "backoff", false, Clock.SYSTEM, Account.DEFAULT, 4,
                Duration.ofSeconds(30), List.of()), name -> new ParkForever());
        ExecutorService producers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                int producer = p;
                done.add(producers.submit(() -> {
                    int succeeded = 0;
                    for (int i = 0; i < 1_500; i++) {
                        JsonNode input = Json.NODES.numberNode(producer * 100_000 + i);
                        CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();
                        if (shards.start(machine, input, null, null, tasks, completion::complete) != Shards.ACCEPTED) {
                            i--;
                            continue;
                        }
                        if (i % 4 == 0) {
                            pause(); // let the shard go idle before the next start
                        }
                        ExecutionResult result = completion.get(20, TimeUnit.SECONDS);
                        if (result.status() == ExecutionStatus.SUCCEEDED && result.output().equals(input)) {
                            succeeded++;
                        }
                    }
                    return succeeded;
                }));
            }
            for (Future<Integer> producer : done) {
                assertEquals(1_500, producer.get(100, TimeUnit.SECONDS));
            }
        } finally {
            producers.shutdownNow();
            completers.shutdownNow();
            shards.shutdown(Duration.ZERO);
        }
    }

    /** Nothing, a spin, a yield or a short sleep: producers reach the handshake at every point. */
    private static void pause() {
        switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0:
                break;
            case 1:
                Thread.onSpinWait();
                break;
            case 2:
                Thread.yield();
                break;
            default:
                LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(1, 50_000));
        }
    }
}
