package io.quickstep.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.events.CloudWatchRecord;
import io.quickstep.events.LogLevel;
import io.quickstep.events.LoggingConfiguration;
import io.quickstep.execution.Account;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionArn;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a logs case: the execution on a machine with the case's logging level and
 * includeExecutionData, its events made into CloudWatch Logs records by {@link CloudWatchRecord},
 * and those compared one by one with {@code expected_logs} as the corpus's runner compares them
 * ({@code matching.diff_logs}): {@code event_timestamp} dropped (it must be epoch milliseconds as a
 * string), the JSON text of inputs, outputs, parameters and assigned variables decoded, a cause
 * parsed where the case's is an object, nothing at the case's {@code ignore} paths compared. A case
 * whose records differ in a single one fails.
 *
 * <p>The records name the execution by the ARN it has as the case's {@code recorded_as} type: a
 * Standard execution's ({@code ...:execution:MACHINE:NAME}) for the recordings of Standard
 * executions, else an Express one. The engine runs every execution as Express; a log shipper
 * passes the execution's own ARN. The case's destinations (none: the recording leaves them out)
 * are not checked: where records go is the engine's business.
 */
final class LogsCaseJudge {
    private static final String ROOT = "$.expected_logs";
    /** Details fields that records hold as JSON text. */
    private static final List<String> JSON_TEXT_FIELDS = List.of("input", "output", "parameters");

    private LogsCaseJudge() {
    }

    static String judge(TestCase testCase, Clock clock) {
        JsonNode configuration = testCase.file().get("logging_configuration");
        LogLevel level = LogLevel.named(configuration.path("level").asText("OFF"));
        if (level == null) {
            return "logging_configuration.level: no level " + configuration.get("level");
        }
        LoggingConfiguration logging = LoggingConfiguration.of(level,
                configuration.path("includeExecutionData").asBoolean(false));
        StateMachine machine;
        try {
            machine = StateMachine.create(testCase.machineName(), testCase.definitionText()).logging(logging);
        } catch (DefinitionException e) {
            return "definition refused: " + e.getMessage();
        }
        Mocks mocks = new Mocks(testCase.mocks());
        ExecutionOptions options = ExecutionOptions.defaults().tasks(mocks).clock(clock)
                .executionName(testCase.executionName());
        ExecutionResult result = machine.execute(testCase.input(), options);
        if (mocks.overrun() != null) {
            return mocks.overrun();
        }
        String arn = executionArn(testCase, options.account());
        List<ObjectNode> records = CloudWatchRecord.records(result.events(), arn, logging);
        String difference = diff(testCase.expected(), records, testCase.ignore());
        return difference != null ? difference : mocks.unused();
    }

    /** The first difference between {@code expected_logs} and the records, or null. */
    static String diff(JsonNode expected, List<ObjectNode> records, Set<String> ignore) {
        if (ignore.contains(ROOT)) {
            return null;
        }
        if (expected.size() != records.size()) {
            StringBuilder got = new StringBuilder();
            for (ObjectNode record : records) {
                got.append(got.length() == 0 ? "" : ", ").append(record.path("type").asText());
            }
            return ROOT + ": expected " + expected.size() + " events, got " + records.size() + " (" + got + ")";
        }
        for (int i = 0; i < records.size(); i++) {
            String path = ROOT + "[" + i + "]";
            JsonNode timestamp = records.get(i).get("event_timestamp");
            if (timestamp == null || !timestamp.isTextual() || !timestamp.textValue().matches("\\d+")) {
                return path + ".event_timestamp: expected epoch milliseconds as a string, got " + timestamp;
            }
            String difference = ResultMatcher.diff(expected.get(i), inCaseForm(records.get(i), expected.get(i)), path,
                    ignore);
            if (difference != null) {
                return difference + " (event " + expected.get(i).path("type").asText() + ", got "
                        + records.get(i).path("type").asText() + ")";
            }
        }
        return null;
    }

    /** A record as the case writes it: no timestamp, JSON text decoded, an object cause parsed where the case's is one. */
    private static ObjectNode inCaseForm(ObjectNode record, JsonNode expected) {
        ObjectNode actual = record.deepCopy();
        actual.remove("event_timestamp");
        JsonNode details = actual.get("details");
        if (details instanceof ObjectNode object) {
            for (String field : JSON_TEXT_FIELDS) {
                decode(object, field);
            }
            if (object.get("assignedVariables") instanceof ObjectNode variables) {
                for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                    decode(variables, it.next().getKey());
                }
            }
            if (expected.path("details").path("cause").isObject()) {
                decode(object, "cause");
            }
        }
        return actual;
    }

    /** Replaces a text field by the JSON it holds; text that is not JSON is left as it is, for the comparison to show. */
    private static void decode(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isTextual()) {
            try {
                object.set(field, Json.parse(value.textValue()));
            } catch (JsonProcessingException notJson) {
                // left as text
            }
        }
    }

    private static String executionArn(TestCase testCase, Account account) {
        if ("EXPRESS".equals(testCase.file().path("recorded_as").asText("STANDARD"))) {
            return ExecutionArn.random(account, testCase.machineName(), testCase.executionName()).toString();
        }
        return "arn:aws:states:" + account.region() + ":" + account.id() + ":execution:" + testCase.machineName() + ":"
                + testCase.executionName();
    }
}
