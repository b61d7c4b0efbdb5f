package io.quickstep.log;

import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRingTest {
    private static ExecutionLog log(String arn) {
        return new ExecutionLog("m", arn, LoggingConfiguration.of(LogLevel.ALL, false), List.of(), 0);
    }

    @Test
    void shouldHoldItsCapacityRoundedUpToAPowerOfTwoThenRefuse() {
        LogRing ring = new LogRing(3);
        for (int i = 0; i < 4; i++) {
            assertTrue(ring.offer(log("arn:" + i)));
        }
        assertFalse(ring.offer(log("arn:4")), "full at 4");
        List<ExecutionLog> drained = new ArrayList<>();
        assertEquals(2, ring.drainTo(drained, 2));
        assertEquals(2, ring.size());
        assertTrue(ring.offer(log("arn:5")));
        assertEquals(3, ring.drainTo(drained, 10));
        assertEquals(List.of("arn:0", "arn:1", "arn:2", "arn:3", "arn:5"),
                drained.stream().map(ExecutionLog::executionArn).toList());
        assertEquals(0, ring.size());
    }

    @Test
    void shouldHandEveryAcceptedRecordToTheConsumerOnceUnderManyProducers() throws Exception {
        LogRing ring = new LogRing(64);
        int producers = 4;
        int each = 20_000;
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    if (ring.offer(log(producer + ":" + i))) {
                        accepted.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        List<ExecutionLog> drained = new ArrayList<>();
        while (threads.stream().anyMatch(Thread::isAlive) || ring.size() > 0) {
            ring.drainTo(drained, 100);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        ring.drainTo(drained, Integer.MAX_VALUE);
        Set<String> distinct = new HashSet<>();
        drained.forEach(log -> assertTrue(distinct.add(log.executionArn()), "twice: " + log.executionArn()));
        assertEquals(accepted.get(), drained.size());
    }
}
