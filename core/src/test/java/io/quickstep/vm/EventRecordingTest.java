package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.Engine;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.events.EventType;
import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording history events, on the calling thread and on the engine's shards; the corpus judges the details. */
class EventRecordingTest {
    private static final String PARALLEL = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}""";

    @Test
    void nothingIsRecordedByDefault() {
        ExecutionResult result = StateMachine.create("p", PARALLEL).execute("{}", ExecutionOptions.defaults());

        assertTrue(result.succeeded());
        assertEquals(List.of(), result.events());
    }

    @Test
    void parallelBranchesFollowParallelStateStartedAndTheStateGoesOnFromTheLastBranch() {
        ExecutionResult result = StateMachine.create("p", PARALLEL).recordingEvents(true)
                .execute("{}", ExecutionOptions.defaults());

        assertEquals(List.of("1 0 ExecutionStarted", "2 0 ParallelStateEntered", "3 2 ParallelStateStarted",
                "4 3 PassStateEntered", "5 4 PassStateExited", "6 3 PassStateEntered", "7 6 PassStateExited",
                "8 7 ParallelStateSucceeded", "9 8 ParallelStateExited", "10 9 ExecutionSucceeded"),
                result.events().stream().map(e -> e.id() + " " + e.previousEventId() + " " + e.type()).toList());
    }

    @Test
    void theEnginesShardsRecordForAMachineThatAsks() throws Exception {
        StateMachine machine = StateMachine.create("p", PARALLEL).recordingEvents(true);
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            for (int run = 0; run < 3; run++) { // the shard reuses its buffers
                ExecutionResult result = engine.startSync(machine, Json.NODES.objectNode()).get(10, TimeUnit.SECONDS);
                List<HistoryEvent> events = result.events();

                assertEquals(10, events.size());
                assertEquals(EventType.ExecutionSucceeded, events.get(9).type());
                JsonNode output = events.get(9).details().get("output");
                assertEquals(2, output.size());
            }
        }
    }
}
