package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventBufferTest {
    private static final JsonNode INPUT = Json.NODES.objectNode().put("a", 1);

    @Test
    void theEventsHandedOverStayAsTheyWereWhenTheBufferIsClearedAndReused() {
        EventBuffer buffer = new EventBuffer();
        for (int id = 1; id <= 40; id++) { // past the initial capacity
            buffer.add(EventType.PassStateEntered, id, id - 1, 0, "S" + id, null, null, null, INPUT, null, -1, -1);
        }
        List<HistoryEvent> events = buffer.events();
        buffer.clear();
        buffer.add(EventType.ExecutionFailed, 1, 0, 0, null, "E", "C", null, null, null, -1, -1);

        assertEquals(40, events.size());
        assertEquals("S40", events.get(39).details().get("name").asText());
        assertEquals(1, buffer.size());
        assertThrows(UnsupportedOperationException.class, () -> events.remove(0));
    }

    @Test
    void aServiceIntegrationIsNamedByItsTypeAndAction() {
        EventBuffer buffer = new EventBuffer();
        buffer.add(EventType.TaskScheduled, 3, 2, 0, "arn:aws:states:::lambda:invoke", null, null, "us-east-1", INPUT,
                null, 5, -1);
        JsonNode event = buffer.events().get(0).toJson();

        assertEquals(json("""
                {"id": 3, "previousEventId": 2, "type": "TaskScheduled", "taskScheduledEventDetails": {
                  "resourceType": "lambda", "resource": "invoke", "region": "us-east-1", "parameters": {"a": 1},
                  "timeoutInSeconds": 5}}""").toString(), event.toString());
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEmptyCauseIsLeftOutAsAwsLeavesItOut() {
        EventBuffer buffer = new EventBuffer();
        buffer.add(EventType.LambdaFunctionTimedOut, 5, 4, 0, "arn", "States.Timeout", "", null, null, null, -1, -1);

        assertEquals("{\"error\":\"States.Timeout\"}", buffer.events().get(0).details().toString());
    }
}
