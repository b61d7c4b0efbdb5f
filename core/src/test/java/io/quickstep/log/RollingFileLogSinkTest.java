package io.quickstep.log;

import io.quickstep.events.EventType;
import io.quickstep.events.HistoryEvent;
import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingFileLogSinkTest {
    /** 2024-05-01T23:59:59Z and a second later, the next day. */
    private static final long LAST_SECOND_OF_MAY_FIRST = 1_714_607_999_000L;
    private static final long MAY_SECOND = LAST_SECOND_OF_MAY_FIRST + 1_000;

    static ExecutionLog log(String machine, String arn, long startMillis) {
        List<HistoryEvent> events = List.of(
                new HistoryEvent(1, 0, EventType.ExecutionStarted, startMillis, null),
                new HistoryEvent(2, 1, EventType.ExecutionSucceeded, startMillis + 1, null));
        return new ExecutionLog(machine, arn, LoggingConfiguration.of(LogLevel.ALL, false), events, System.nanoTime());
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted(LogStreams::compare)
                    .map(f -> dir.relativize(f).toString()).toList();
        }
    }

    @Test
    void shouldRollOverBySizeKeepingEachExecutionsRecordsTogether(@TempDir Path dir) throws Exception {
        int recordBytes = log("m", "arn:1", MAY_SECOND).jsonLines().length;
        try (RollingFileLogSink sink = new RollingFileLogSink(dir, recordBytes * 3L)) {
            for (int i = 0; i < 10; i++) {
                sink.write(log("m", "arn:" + i, MAY_SECOND));
            }
        }
        assertEquals(List.of("m/2024-05-02.0.jsonl", "m/2024-05-02.1.jsonl", "m/2024-05-02.2.jsonl",
                "m/2024-05-02.3.jsonl"), files(dir));
        List<String> arns = new ArrayList<>();
        for (String file : files(dir)) {
            List<String> lines = Files.readAllLines(dir.resolve(file));
            assertEquals(0, lines.size() % 2, "an execution's two records in one file: " + file);
            for (String line : lines) {
                arns.add(Json.parse(line).get("execution_arn").asText());
            }
        }
        assertEquals(20, arns.size());
        assertEquals("arn:9", arns.get(19), "in order");
    }

    @Test
    void shouldKeepOnlyTheNewestFilesWhenAskedTo(@TempDir Path dir) throws Exception {
        int recordBytes = log("m", "arn:1", MAY_SECOND).jsonLines().length;
        try (RollingFileLogSink sink = new RollingFileLogSink(dir, recordBytes, 2)) {
            for (int i = 0; i < 5; i++) {
                sink.write(log("m", "arn:" + i, MAY_SECOND));
            }
        }
        assertEquals(List.of("m/2024-05-02.3.jsonl", "m/2024-05-02.4.jsonl"), files(dir));
        assertTrue(Files.readString(dir.resolve("m/2024-05-02.4.jsonl")).contains("arn:4"));
    }

    @Test
    void shouldStartANewStreamEachDayAndPerStateMachine(@TempDir Path dir) throws Exception {
        try (RollingFileLogSink sink = new RollingFileLogSink(dir)) {
            sink.write(log("orders", "arn:1", LAST_SECOND_OF_MAY_FIRST));
            sink.write(log("orders", "arn:2", MAY_SECOND));
            sink.write(log("billing/eu", "arn:3", MAY_SECOND));
        }
        assertEquals(List.of("billing_eu/2024-05-02.0.jsonl", "orders/2024-05-01.0.jsonl",
                "orders/2024-05-02.0.jsonl"), files(dir).stream().sorted().toList());
    }

    @Test
    void shouldAppendToTheDaysLastFileAfterARestart(@TempDir Path dir) throws Exception {
        try (RollingFileLogSink sink = new RollingFileLogSink(dir)) {
            sink.write(log("m", "arn:1", MAY_SECOND));
        }
        try (RollingFileLogSink sink = new RollingFileLogSink(dir)) {
            sink.write(log("m", "arn:2", MAY_SECOND));
        }
        assertEquals(List.of("m/2024-05-02.0.jsonl"), files(dir));
        assertEquals(4, Files.readAllLines(dir.resolve("m/2024-05-02.0.jsonl")).size());
    }

    @Test
    void shouldFlushAtTheEndOfEachBatch(@TempDir Path dir) throws Exception {
        try (RollingFileLogSink sink = new RollingFileLogSink(dir)) {
            sink.write(log("m", "arn:1", MAY_SECOND));
            sink.endOfBatch();
            assertEquals(2, Files.readAllLines(dir.resolve("m/2024-05-02.0.jsonl")).size());
            assertTrue(LogStreams.compare(Path.of("2024-05-02.10.jsonl"), Path.of("2024-05-02.9.jsonl")) > 0);
        }
    }
}
