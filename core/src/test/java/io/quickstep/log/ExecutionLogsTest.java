package io.quickstep.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.Engine;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import io.quickstep.metrics.LogMetrics;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionLogsTest {
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"x\":1},"
            + "\"ResultPath\":\"$.r\",\"End\":true}}}";
    private static final LoggingConfiguration ALL = LoggingConfiguration.of(LogLevel.ALL, true);

    /** Keeps every record's lines by ARN, counting repeats. */
    static final class KeepingSink implements LogSink {
        final Map<String, List<byte[]>> byArn = new ConcurrentHashMap<>();
        volatile boolean closed;

        @Override
        public void write(ExecutionLog log) {
            byArn.computeIfAbsent(log.executionArn(), arn -> new ArrayList<>()).add(log.jsonLines());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static StateMachine machine(LoggingConfiguration logging) {
        return StateMachine.create("logged", PASS).logging(logging);
    }

    private static List<CompletableFuture<ExecutionResult>> startAll(Engine engine, StateMachine machine, int count,
                                                                     List<String> arns) throws Exception {
        List<CompletableFuture<ExecutionResult>> results = new ArrayList<>();
        JsonNode input = Json.parse("{\"a\":\"b\"}");
        for (int i = 0; i < count; i++) {
            StartResult started;
            while (!(started = engine.start(machine, input)).accepted()) {
                Thread.onSpinWait();
            }
            arns.add(started.executionArn());
            results.add(started.completion());
        }
        return results;
    }

    @Test
    void shouldShipEveryExecutionsRecordExactlyOnceUnderLoad() throws Exception {
        KeepingSink sink = new KeepingSink();
        List<String> arns = new ArrayList<>();
        LogMetrics metrics;
        // A ring that holds the whole burst: this machine's sink keeps up on average, not with a burst.
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).logRingCapacity(32_768).logSink(sink))) {
            metrics = engine.metrics().logs();
            for (CompletableFuture<ExecutionResult> result : startAll(engine, machine(ALL), 20_000, arns)) {
                assertTrue(result.get(30, TimeUnit.SECONDS).succeeded());
            }
        }
        assertEquals(20_000, sink.byArn.size());
        assertEquals(new HashSet<>(arns), sink.byArn.keySet());
        for (Map.Entry<String, List<byte[]>> record : sink.byArn.entrySet()) {
            assertEquals(1, record.getValue().size(), "one record for " + record.getKey());
            String[] lines = new String(record.getValue().get(0), StandardCharsets.UTF_8).split("\n");
            assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
                    Stream.of(lines).map(line -> type(line)).toList());
        }
        assertEquals(20_000, metrics.shipped());
        assertEquals(0, metrics.dropped());
        assertTrue(sink.closed, "closed at shutdown");
    }

    @Test
    void shouldDropAndCountWhatTheRingCannotHoldWithoutSlowingExecutions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        KeepingSink kept = new KeepingSink();
        LogSink blocking = new LogSink() {
            @Override
            public void write(ExecutionLog log) throws InterruptedException {
                release.await();
                kept.write(log);
            }
        };
        List<String> arns = new ArrayList<>();
        LogMetrics metrics;
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).logRingCapacity(64).logSink(blocking))) {
            metrics = engine.metrics().logs();
            // Every execution ends while the sink blocks: the shard never waits for the shipper.
            for (CompletableFuture<ExecutionResult> result : startAll(engine, machine(ALL), 2_000, arns)) {
                assertTrue(result.get(30, TimeUnit.SECONDS).succeeded());
            }
            assertTrue(metrics.dropped() > 0, "the ring of 64 overflowed");
            release.countDown();
        }
        Set<String> missing = new HashSet<>(arns);
        missing.removeAll(kept.byArn.keySet());
        assertEquals(missing.size(), metrics.dropped(), "dropped = missing");
        assertEquals(2_000 - missing.size(), metrics.shipped());
        kept.byArn.values().forEach(records -> assertEquals(1, records.size()));
    }

    @Test
    void shouldGoOnShippingWhenASinkThrows() throws Exception {
        KeepingSink kept = new KeepingSink();
        LogSink throwing = log -> {
            throw new IllegalStateException("sink down");
        };
        List<String> arns = new ArrayList<>();
        LogMetrics metrics;
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).logSink(throwing).logSink(kept))) {
            metrics = engine.metrics().logs();
            for (CompletableFuture<ExecutionResult> result : startAll(engine, machine(ALL), 100, arns)) {
                assertTrue(result.get(30, TimeUnit.SECONDS).succeeded());
            }
        }
        assertEquals(new HashSet<>(arns), kept.byArn.keySet());
        assertEquals(100, metrics.sinkErrors());
        assertEquals(100, metrics.shipped());
    }

    @Test
    void shouldShipNothingForMachinesThatDoNotLog() throws Exception {
        KeepingSink kept = new KeepingSink();
        LogMetrics metrics;
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).logSink(kept))) {
            metrics = engine.metrics().logs();
            for (CompletableFuture<ExecutionResult> result : startAll(engine, machine(LoggingConfiguration.OFF), 50,
                    new ArrayList<>())) {
                assertTrue(result.get(30, TimeUnit.SECONDS).succeeded());
            }
        }
        assertTrue(kept.byArn.isEmpty());
        assertEquals(0, metrics.shipped());
    }

    @Test
    void shouldWriteTheLevelsRecordsOnly() throws Exception {
        KeepingSink kept = new KeepingSink();
        StateMachine failing = StateMachine.create("failing", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
                + "\"Error\":\"E\",\"Cause\":\"c\"}}}").logging(LoggingConfiguration.of(LogLevel.ERROR, false));
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).logSink(kept))) {
            assertTrue(!engine.startSync(failing, Json.parse("{\"secret\":1}")).get(10, TimeUnit.SECONDS).succeeded());
        }
        byte[] lines = kept.byArn.values().iterator().next().get(0);
        String text = new String(lines, StandardCharsets.UTF_8);
        assertEquals(List.of("FailStateEntered", "ExecutionFailed"), Stream.of(text.split("\n")).map(l -> type(l)).toList());
        assertTrue(!text.contains("secret"), "no execution data: " + text);
    }

    @Test
    void shouldFlushEveryRecordToTheFilesOnShutdown(@TempDir Path dir) throws Exception {
        List<String> arns = new ArrayList<>();
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).logDirectory(dir))) {
            for (CompletableFuture<ExecutionResult> result : startAll(engine, machine(ALL), 500, arns)) {
                assertTrue(result.get(30, TimeUnit.SECONDS).succeeded());
            }
            assertTrue(engine.metrics().logs().bytesWritten() >= 0);
        }
        Map<String, Integer> lines = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines.merge(Json.parse(line).get("execution_arn").asText(), 1, Integer::sum);
                }
            }
        }
        assertEquals(new HashSet<>(arns), lines.keySet());
        lines.values().forEach(count -> assertEquals(4, count));
    }

    @Test
    void shouldWriteTheTextThatTextThreadsMakeOnceEachInTheOrderShipped(@TempDir Path dir) throws Exception {
        List<String> shipped = new ArrayList<>();
        AtomicInteger wrongText = new AtomicInteger();
        LogSink checking = log -> {
            // The made text against the records made afresh by a writer of this test's own.
            List<JsonNode> made = new ArrayList<>();
            for (String line : new String(log.jsonLines(), StandardCharsets.UTF_8).lines().toList()) {
                made.add(Json.parse(line));
            }
            if (!made.equals(log.records())) {
                wrongText.incrementAndGet();
            }
            shipped.add(log.executionArn());
        };
        List<String> arns = new ArrayList<>();
        LogMetrics metrics;
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).logRingCapacity(32_768).logTextThreads(2)
                .logSink(checking).logDirectory(dir))) {
            metrics = engine.metrics().logs();
            for (CompletableFuture<ExecutionResult> result : startAll(engine, machine(ALL), 20_000, arns)) {
                assertTrue(result.get(30, TimeUnit.SECONDS).succeeded());
            }
        }
        assertEquals(0, wrongText.get());
        assertEquals(0, metrics.sinkErrors());
        assertEquals(20_000, shipped.size());
        assertEquals(new HashSet<>(arns), new HashSet<>(shipped));
        // The file holds each execution's four lines together, in the order the sinks were given them.
        List<String> inFile = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(LogStreams::compare).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i += 4) {
                    String arn = Json.parse(lines.get(i)).get("execution_arn").asText();
                    for (int j = 0; j < 4; j++) {
                        JsonNode line = Json.parse(lines.get(i + j));
                        assertEquals(arn, line.get("execution_arn").asText());
                        assertEquals(String.valueOf(j + 1), line.get("id").asText());
                    }
                    inFile.add(arn);
                }
            }
        }
        assertEquals(shipped, inFile);
    }

    @Test
    void shouldShipWhatWasOfferedWhenClosedAtOnceAfterStarting() throws Exception {
        List<HistoryEvent> events = machine(ALL).recordingEvents(true).execute("{}", ExecutionOptions.defaults()).events();
        for (int i = 0; i < 300; i++) {
            KeepingSink kept = new KeepingSink();
            ExecutionLogs logs = ExecutionLogs.start(List.of(kept), 64, 0);
            logs.offer("logged", ALL, "arn:" + i, events);
            logs.close(Duration.ofSeconds(30)); // before the shipper's thread may have begun to run
            assertEquals(Set.of("arn:" + i), kept.byArn.keySet(), "round " + i);
            assertTrue(kept.closed);
        }
    }

    @Test
    void shouldGoOnShippingWhenATextThreadCannotMakeARecord() throws Exception {
        KeepingSink kept = new KeepingSink();
        List<HistoryEvent> good = machine(ALL).recordingEvents(true).execute("{}", ExecutionOptions.defaults()).events();
        List<HistoryEvent> unreadable = new AbstractList<>() {
            @Override
            public HistoryEvent get(int index) {
                throw new IllegalStateException("unreadable");
            }

            @Override
            public int size() {
                return 1;
            }
        };
        ExecutionLogs logs = ExecutionLogs.start(List.of(kept), 64, 1);
        for (int i = 0; i < 10; i++) {
            assertTrue(logs.offer("logged", ALL, "arn:bad:" + i, unreadable));
            assertTrue(logs.offer("logged", ALL, "arn:good:" + i, good));
        }
        logs.close(Duration.ofSeconds(30));
        Map<String, Integer> written = new HashMap<>();
        kept.byArn.forEach((arn, records) -> {
            if (!records.isEmpty()) {
                written.put(arn, records.size());
            }
        });
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            expected.put("arn:good:" + i, 1);
        }
        assertEquals(expected, written);
        assertEquals(10, logs.metrics().sinkErrors(), "the sink that asked for the bad records' text, counted");
        assertEquals(20, logs.metrics().shipped());
        assertTrue(kept.closed);
    }

    @Test
    void shouldCaptureATaskResultThatItsHandlerChangesLater() throws Exception {
        ObjectNode kept = Json.NODES.objectNode().put("v", "first");
        TaskHandlers tasks = new TaskHandlers().register("give", request -> kept);
        StateMachine machine = StateMachine.create("giving", "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:give\",\"End\":true}}}").logging(ALL);
        CountDownLatch release = new CountDownLatch(1);
        KeepingSink sink = new KeepingSink();
        LogSink late = log -> {
            release.await();
            sink.write(log);
        };
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(tasks).logSink(late))) {
            assertTrue(engine.startSync(machine, Json.parse("{}")).get(10, TimeUnit.SECONDS).succeeded());
            kept.put("v", "changed");
            release.countDown();
        }
        String text = new String(sink.byArn.values().iterator().next().get(0), StandardCharsets.UTF_8);
        assertTrue(text.contains("first") && !text.contains("changed"), text);
    }

    private static String type(String line) {
        try {
            return Json.parse(line).get("type").asText();
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
