package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudWatchWriterTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:express:m:e:1";
    private static final String EVERY_KIND = """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                    "TimeoutSeconds": 5, "ResultPath": "$.r", "Next": "S"},
              "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "ResultPath": "$.s", "Next": "R"},
              "R": {"Type": "Pass", "Result": {"k": "\\u0001\\"é"}, "ResultPath": "$.t", "Next": "M"},
              "M": {"Type": "Map", "ItemsPath": "$.items", "Next": "P",
                    "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}},
              "P": {"Type": "Parallel", "Assign": {"v": "x\\"y"}, "End": true,
                    "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 0, "End": true}}}]}}}""";

    @Test
    void shouldWriteTheSameRecordsFromTheRecordedFieldsAsFromTheEventsAsRead() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("f", request -> Json.NODES.objectNode().put("q", "\"\\"));
        List<HistoryEvent> events = StateMachine.create("m", EVERY_KIND).recordingEvents(true)
                .execute(Json.parse("{\"items\": [1, \"two\"]}"), ExecutionOptions.defaults().tasks(tasks)).events();
        for (LoggingConfiguration configuration : List.of(LoggingConfiguration.of(LogLevel.ALL, true),
                LoggingConfiguration.of(LogLevel.ALL, false), LoggingConfiguration.of(LogLevel.ERROR, true))) {
            byte[] fromFields = new CloudWatchWriter().lines(events, ARN, configuration);
            byte[] fromEvents = new CloudWatchWriter().lines(new ArrayList<>(events), ARN, configuration);
            assertEquals(new String(fromEvents, StandardCharsets.UTF_8), new String(fromFields, StandardCharsets.UTF_8));
        }
        // The data in the records is the text Jackson writes of each event's values.
        List<String> lines = new String(new CloudWatchWriter().lines(events, ARN, LoggingConfiguration.of(LogLevel.ALL, true)),
                StandardCharsets.UTF_8).lines().toList();
        int compared = 0;
        for (int i = 0; i < events.size(); i++) {
            assertTrue(Json.parse(lines.get(i)).isObject(), lines.get(i));
            JsonNode details = Json.parse(lines.get(i)).get("details");
            for (String field : List.of("input", "output", "parameters")) {
                if (details.has(field)) {
                    assertEquals(Json.write(events.get(i).details().get(field)), details.get(field).textValue(),
                            events.get(i).type() + " " + field);
                    compared++;
                }
            }
        }
        assertTrue(compared > 20, "compared " + compared);
        String all = String.join("\n", lines);
        assertTrue(all.contains("\"type\":\"MapIterationStarted\"") && all.contains("\"type\":\"ParallelStateSucceeded\""),
                all);
    }

    @Test
    void shouldReuseItselfAcrossExecutions() throws Exception {
        CloudWatchWriter writer = new CloudWatchWriter();
        StateMachine machine = StateMachine.create("m", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"End\":true}}}").recordingEvents(true);
        LoggingConfiguration all = LoggingConfiguration.of(LogLevel.ALL, true);
        List<HistoryEvent> first = machine.execute(Json.parse("{\"n\":1}"), ExecutionOptions.defaults()).events();
        List<HistoryEvent> second = machine.execute(Json.parse("{\"n\":2}"), ExecutionOptions.defaults()).events();
        String one = new String(writer.lines(first, ARN, all), StandardCharsets.UTF_8);
        String two = new String(writer.lines(second, ARN, all), StandardCharsets.UTF_8);
        assertEquals(one.replace("{\\\"n\\\":1}", "{\\\"n\\\":2}").replaceAll("\"event_timestamp\":\"\\d+\"", ""),
                two.replaceAll("\"event_timestamp\":\"\\d+\"", ""));
    }

    @Test
    void shouldEscapeAnyTextAsJsonDoes() throws Exception {
        String cause = "q\"b\\ \u0001\n\t é ✓ \uD83D\uDE00 end";
        HistoryEvent failed = new HistoryEvent(2, 1, EventType.ExecutionFailed, 1L,
                Json.NODES.objectNode().put("error", "E").put("cause", cause));
        String line = new String(new CloudWatchWriter().lines(List.of(failed), "arn:\"x\"",
                LoggingConfiguration.of(LogLevel.ALL, true)), StandardCharsets.UTF_8);
        assertEquals(cause, Json.parse(line).get("details").get("cause").textValue());
        assertEquals("arn:\"x\"", Json.parse(line).get("execution_arn").textValue());
    }
}
