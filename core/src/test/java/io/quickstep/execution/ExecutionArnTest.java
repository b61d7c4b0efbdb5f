package io.quickstep.execution;

import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StartResult;
import io.quickstep.api.StateMachine;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionArnTest {
    private static final Account FRANKFURT = new Account("eu-central-1", "210987654321");

    @Test
    void anArnIsTakenApartIntoWhatItWasBuiltFrom() {
        ExecutionArn arn = ExecutionArn.random(FRANKFURT, "orders", "run-1");
        String text = arn.toString();
        assertTrue(text.startsWith("arn:aws:states:eu-central-1:210987654321:express:orders:run-1:"), text);
        assertEquals(arn, ExecutionArn.parse(text));
        assertTrue(arn.id().matches("[0-9a-f-]{36}"), arn.id());
    }

    @Test
    void whatIsNotAnExpressExecutionArnParsesToNull() {
        assertNull(ExecutionArn.parse("arn:aws:states:us-east-1:123456789012:execution:orders:run-1"));
        assertNull(ExecutionArn.parse("arn:aws:states:us-east-1:123456789012:express:orders:run-1"));
        assertNull(ExecutionArn.parse("arn:aws:lambda:us-east-1:123456789012:function:f"));
        assertNull(ExecutionArn.parse("arn:aws:states:nowhere:123:express:orders:run-1:id"));
        assertNull(ExecutionArn.parse(null));
    }

    @Test
    void aBadAccountIsRefusedNamingWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Account("us-east-1", "12"))
                .getMessage().contains("12 digits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Account("Frankfurt", "210987654321"))
                .getMessage().contains("region"));
    }

    @Test
    void theAccountSettingNamesTheArnsOfTheContextObjectAndStopsFindThem() throws Exception {
        StateMachine machine = StateMachine.create("ids", "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
                + "\"Seconds\":30,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"id.$\":\"$$.Execution.Id\","
                + "\"machine.$\":\"$$.StateMachine.Id\",\"role.$\":\"$$.Execution.RoleArn\"},\"End\":true}}}");
        String pass = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{"
                + "\"machine.$\":\"$$.StateMachine.Id\",\"role.$\":\"$$.Execution.RoleArn\"},\"End\":true}}}";
        ExecutionResult direct = StateMachine.create("ids", pass).execute(Json.NODES.objectNode(),
                ExecutionOptions.defaults().account(FRANKFURT));
        assertEquals("arn:aws:states:eu-central-1:210987654321:stateMachine:ids", direct.output().get("machine").asText());
        assertEquals("arn:aws:iam::210987654321:role/quickstep", direct.output().get("role").asText());
        try (Engine engine = Engine.launch(new Engine.Context().shards(2).account(FRANKFURT))) {
            StartResult start = engine.start(machine, Json.NODES.objectNode());
            assertEquals(FRANKFURT, ExecutionArn.parse(start.executionArn()).account());
            engine.stop(start.executionArn(), "Stopped", "by the test");
            assertEquals(ExecutionStatus.ABORTED, start.completion().get(10, TimeUnit.SECONDS).status());
        }
    }
}
