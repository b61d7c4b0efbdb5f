package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudWatchRecordTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:express:m:e:1";
    private static final String PASS_THEN_FAIL = """
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Assign": {"x": 1}, "Next": "F"},
              "F": {"Type": "Fail", "Error": "Oops", "Cause": "bad"}}}""";

    private static List<HistoryEvent> run(String definition, String input) throws Exception {
        ExecutionResult result = StateMachine.create("m", definition).recordingEvents(true)
                .execute(Json.parse(input), ExecutionOptions.defaults());
        return result.events();
    }

    @Test
    void aRecordHasAwsFieldsWithStringsForIdsTimeAndData() throws Exception {
        List<ObjectNode> records = CloudWatchRecord.records(run(PASS_THEN_FAIL, "{\"a\":\"\\\"q\\\"\"}"), ARN,
                LoggingConfiguration.of(LogLevel.ALL, true));
        assertEquals(List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "FailStateEntered",
                "ExecutionFailed"), records.stream().map(r -> r.get("type").asText()).toList());
        ObjectNode exited = records.get(2);
        assertEquals("3", exited.get("id").asText());
        assertEquals("2", exited.get("previous_event_id").asText());
        assertTrue(exited.get("event_timestamp").textValue().matches("\\d{13}"), exited.toString());
        assertEquals(ARN, exited.get("execution_arn").asText());
        assertEquals("0", exited.get("redrive_count").asText());
        JsonNode details = exited.get("details");
        assertEquals("{\"a\":\"\\\"q\\\"\"}", details.get("output").textValue());
        assertFalse(details.get("outputDetails").get("truncated").booleanValue());
        assertEquals("1", details.get("assignedVariables").get("x").textValue());
        assertEquals(Json.parse("{\"cause\":\"bad\",\"error\":\"Oops\"}"), records.get(4).get("details"));
    }

    @Test
    void withoutExecutionDataInputsOutputsAndVariablesAreLeftOut() throws Exception {
        List<ObjectNode> records = CloudWatchRecord.records(run(PASS_THEN_FAIL, "{}"), ARN,
                LoggingConfiguration.of(LogLevel.ALL, false));
        assertEquals(List.of("roleArn"), fieldNames(records.get(0).get("details")));
        assertEquals(List.of("name"), fieldNames(records.get(2).get("details")));
        assertEquals(List.of("cause", "error"), fieldNames(records.get(4).get("details")).stream().sorted().toList());
    }

    @Test
    void levelsWriteWhatAwsTableSays() throws Exception {
        List<HistoryEvent> events = run(PASS_THEN_FAIL, "{}");
        assertEquals(List.of("FailStateEntered", "ExecutionFailed"), types(CloudWatchRecord.records(events, ARN,
                LoggingConfiguration.of(LogLevel.ERROR, true))));
        assertEquals(List.of("ExecutionFailed"), types(CloudWatchRecord.records(events, ARN,
                LoggingConfiguration.of(LogLevel.FATAL, true))));
        assertEquals(List.of(), CloudWatchRecord.records(events, ARN, LoggingConfiguration.OFF));
        List<HistoryEvent> succeeded = run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}", "{}");
        assertEquals(List.of(), CloudWatchRecord.records(succeeded, ARN, LoggingConfiguration.of(LogLevel.ERROR, true)));
        assertEquals("{}", Json.write(CloudWatchRecord.records(succeeded, ARN,
                LoggingConfiguration.of(LogLevel.ALL, false)).get(3).get("details")));
    }

    @Test
    void dataBeyondTheLimitIsTruncated() throws Exception {
        String big = "x".repeat(CloudWatchRecord.MAX_DATA_BYTES);
        List<HistoryEvent> events = run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}",
                Json.write(Json.NODES.textNode(big)));
        ObjectNode started = CloudWatchRecord.record(events.get(0), ARN, true);
        String input = started.get("details").get("input").textValue();
        // The opening quote is escaped (2 bytes), each x is one: the limit less one character is left.
        assertEquals(CloudWatchRecord.MAX_DATA_BYTES - 1, input.length());
        assertTrue(started.get("details").get("inputDetails").get("truncated").booleanValue());
    }

    @Test
    void theCutNeverSplitsACharacterOrAnEscape() {
        assertEquals(3, CloudWatchRecord.cutAt("abc", 3));
        assertEquals(2, CloudWatchRecord.cutAt("ab\"", 3));
        assertEquals(1, CloudWatchRecord.cutAt("a\uD83D\uDE00", 4));
        assertEquals(3, CloudWatchRecord.cutAt("a\uD83D\uDE00", 5));
        assertEquals(0, CloudWatchRecord.cutAt("\u0001", 5));
    }

    @Test
    void loggingConfigurationIsCheckedAsAwsChecksIt() throws Exception {
        LoggingConfigurationException none = assertThrows(LoggingConfigurationException.class,
                () -> LoggingConfiguration.parse(Json.parse("{\"level\": \"ERROR\"}")));
        assertEquals("InvalidLoggingConfiguration", none.error());
        assertEquals("Invalid Logging Configuration: Must specify exactly one Log Destination.", none.getMessage());
        String group = "{\"cloudWatchLogsLogGroup\": {\"logGroupArn\": \"arn:aws:logs:us-east-1:123456789012:log-group:g:*\"}}";
        assertThrows(LoggingConfigurationException.class, () -> LoggingConfiguration.parse(
                Json.parse("{\"level\": \"OFF\", \"destinations\": [" + group + ", " + group + "]}")));
        assertEquals("ValidationException", assertThrows(LoggingConfigurationException.class,
                () -> LoggingConfiguration.parse(Json.parse("{\"level\": \"DEBUG\"}"))).error());
        LoggingConfiguration all = LoggingConfiguration.parse(Json.parse(
                "{\"level\": \"ALL\", \"includeExecutionData\": true, \"destinations\": [" + group + "]}"));
        assertEquals(LogLevel.ALL, all.level());
        assertTrue(all.includeExecutionData());
        assertEquals(LoggingConfiguration.OFF, LoggingConfiguration.parse(Json.parse("{}")));
        assertTrue(StateMachine.create("m", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}")
                .logging(all).recordsEvents());
    }

    private static List<String> types(List<ObjectNode> records) {
        return records.stream().map(r -> r.get("type").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
