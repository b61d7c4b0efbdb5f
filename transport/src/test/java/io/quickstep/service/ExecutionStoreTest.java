package io.quickstep.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded store of recent executions: both kinds kept, found by ARN, the oldest finished forgotten first. */
class ExecutionStoreTest {
    private static ExecutionRecord record(ExecutionStore store, String name, boolean sync) {
        return new ExecutionRecord(store, "arn:aws:states:us-east-1:123456789012:express:m:" + name + ":id-" + name,
                name, null, null, null, null, "{}", 0, sync);
    }

    @Test
    void aSynchronousExecutionIsKeptOnceItEnds() {
        ExecutionStore store = new ExecutionStore(10);
        ExecutionRecord sync = record(store, "s", true);
        assertTrue(store.add(sync));
        assertNull(store.get(sync.arn), "not indexed while it runs: no one can name it yet");
        store.finished(sync);
        assertSame(sync, store.get(sync.arn));
        assertEquals(List.of(sync), store.list(e -> true));
    }

    @Test
    void theOldestFinishedOfEachKindAreForgottenBeyondTheCapacity() {
        ExecutionStore store = new ExecutionStore(3);
        List<ExecutionRecord> syncs = new ArrayList<>();
        List<ExecutionRecord> asyncs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ExecutionRecord sync = record(store, "s" + i, true);
            store.add(sync);
            store.finished(sync);
            syncs.add(sync);
            ExecutionRecord async = record(store, "a" + i, false);
            assertTrue(store.add(async));
            store.finished(async);
            asyncs.add(async);
        }
        for (int i = 0; i < 5; i++) {
            boolean kept = i >= 2;
            assertEquals(kept, store.get(syncs.get(i).arn) != null, "sync " + i);
            assertEquals(kept, store.get(asyncs.get(i).arn) != null, "async " + i);
        }
        List<String> names = store.list(e -> true).stream().map(e -> e.name).toList();
        assertEquals(List.of("a4", "s4", "a3", "s3", "a2", "s2"), names, "newest first");
        assertEquals(6, store.size());
    }

    @Test
    void runningExecutionsAreAlwaysKeptAndNamesAreUnique() {
        ExecutionStore store = new ExecutionStore(1);
        ExecutionRecord first = record(store, "a", false);
        ExecutionRecord second = record(store, "b", false);
        assertTrue(store.add(first));
        assertTrue(store.add(second));
        assertFalse(store.add(record(store, "a", false)), "the same ARN twice");
        assertSame(first, store.get(first.arn));
        assertSame(second, store.get(second.arn));
        store.finished(first);
        store.add(record(store, "c", false));
        assertNull(store.get(first.arn), "finished, and the store is over its capacity");
        assertSame(second, store.get(second.arn), "still running");
    }

    @Test
    void aStoreOfNoCapacityKeepsNoFinishedExecution() {
        ExecutionStore store = new ExecutionStore(0);
        ExecutionRecord sync = record(store, "s", true);
        store.add(sync);
        store.finished(sync);
        assertNull(store.get(sync.arn));
        assertEquals(0, store.size());
    }
}
