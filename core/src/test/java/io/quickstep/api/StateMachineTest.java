package io.quickstep.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quickstep.error.StatesErrors;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateMachineTest {
    private static final String PASS = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

    private static long timeoutMillis(String timeoutSeconds) throws Exception {
        return StateMachine.create("timeout", PASS.replace("{\"StartAt\"", "{\"TimeoutSeconds\": " + timeoutSeconds
                + ", \"StartAt\"")).timeoutMillis();
    }

    @Test
    void theDefinitionsTimeoutSecondsLimitsEachExecutionWithinTheExpressFiveMinutes() throws Exception {
        assertEquals(2_000, timeoutMillis("2"));
        assertEquals(StateMachine.EXPRESS_LIMIT_MILLIS, timeoutMillis("300"));
        assertEquals(StateMachine.EXPRESS_LIMIT_MILLIS, timeoutMillis("99999999"));
        assertEquals(StateMachine.EXPRESS_LIMIT_MILLIS, timeoutMillis("0"), "0 sets no limit of the machine's own");
        assertEquals(StateMachine.EXPRESS_LIMIT_MILLIS, StateMachine.create("none", PASS).timeoutMillis());
    }

    /** Arrays nested {@code depth} deep, built in code: no parser stands in the way. */
    private static JsonNode nested(int depth) {
        ArrayNode root = Json.NODES.arrayNode();
        ArrayNode innermost = root;
        for (int i = 1; i < depth; i++) {
            innermost = innermost.addArray();
        }
        return root;
    }

    @Test
    void anInputNestedDeeperThanJsonMayBeFailsTheExecution() throws Exception {
        StateMachine machine = StateMachine.create("deep", PASS);
        ExecutionResult result = machine.execute(nested(100_000), ExecutionOptions.defaults());
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals(StatesErrors.DATA_LIMIT_EXCEEDED, result.error());
        assertEquals("The execution input exceeds the maximum number of bytes service limit.", result.cause());

        ExecutionResult justDeepEnough = machine.execute(nested(Json.MAX_NESTING_DEPTH), ExecutionOptions.defaults());
        assertEquals(ExecutionStatus.SUCCEEDED, justDeepEnough.status(), justDeepEnough.toString());
        assertEquals(nested(Json.MAX_NESTING_DEPTH), justDeepEnough.output());
        assertEquals(ExecutionStatus.FAILED, machine.execute(nested(Json.MAX_NESTING_DEPTH + 1),
                ExecutionOptions.defaults()).status());
    }
}
