package io.quickstep.runtime;

import io.quickstep.api.Engine;
import io.quickstep.api.StateMachine;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.metrics.StateFigures;
import io.quickstep.metrics.StateMachineMetrics;
import io.quickstep.task.TaskHandlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.quickstep.runtime.EngineTest.json;
import static io.quickstep.runtime.EngineTest.machine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's per-state metrics: errors counted per failed attempt, latency on sampled executions. */
class StateMetricsTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

    @AfterEach
    void clearSampling() {
        System.clearProperty(StateMachineMetrics.STATE_LATENCY_SAMPLING_PROP);
    }

    @Test
    void shouldCountEachFailedAttemptOfAStateAndNoneElsewhere() throws Exception {
        StateMachine machine = machine("{'StartAt':'T','States':{"
                + "'T':{'Type':'Task','Resource':'" + LAMBDA + "flaky','Retry':[{'ErrorEquals':['States.ALL'],"
                + "'IntervalSeconds':0,'MaxAttempts':3}],'Next':'P'},"
                + "'P':{'Type':'Parallel','Branches':[{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Boom'}}}],"
                + "'Catch':[{'ErrorEquals':['Boom'],'Next':'Done'}],'Next':'Done'},"
                + "'Done':{'Type':'Succeed'}}}");
        AtomicInteger calls = new AtomicInteger();
        TaskHandlers tasks = new TaskHandlers().register("flaky", request -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet");
            }
            return request.input();
        });
        try (Engine engine = Engine.launch(new Engine.Context().shards(1).tasks(tasks))) {
            ExecutionResult result = engine.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.toJson().toString());

            Map<String, StateFigures> states = engine.metrics(machine).states();
            assertEquals(java.util.Set.of("T", "P", "P/0/F", "Done"), states.keySet());
            assertEquals(1, states.get("T").entered(), "a retry is no new entry");
            assertEquals(2, states.get("T").errors(), "two failed attempts before the third succeeded");
            assertEquals(1, states.get("P/0/F").errors(), "the Fail state");
            assertEquals(1, states.get("P").errors(), "the branch's failure, caught on the Parallel state");
            assertEquals(0, states.get("Done").errors());
        }
    }

    @Test
    void shouldRecordTheLatencyOfAWaitOnSampledExecutions() throws Exception {
        System.setProperty(StateMachineMetrics.STATE_LATENCY_SAMPLING_PROP, "1");
        StateMachine machine = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':1,'Next':'P'},"
                + "'P':{'Type':'Pass','End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().shards(2))) {
            List<CompletableFuture<ExecutionResult>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(engine.startSync(machine, json("{}")));
            }
            for (CompletableFuture<ExecutionResult> run : runs) {
                assertEquals(ExecutionStatus.SUCCEEDED, run.get(10, TimeUnit.SECONDS).status());
            }
            Map<String, StateFigures> states = engine.metrics(machine).states();
            StateFigures wait = states.get("W");
            assertEquals(4, wait.sampled(), "every execution is timed at a sampling of 1");
            // The timer runs on the millisecond clock: the wait may end up to 1 ms short of a
            // second on the nanosecond one.
            assertTrue(wait.p50Micros() >= 999_000, "p50 " + wait.p50Micros() + " µs");
            assertTrue(wait.p99Micros() >= wait.p50Micros());
            assertEquals(4, states.get("P").sampled());
            assertEquals(0, wait.errors());
        }
    }

    @Test
    void shouldTimeNoExecutionAtASamplingOfZero() throws Exception {
        System.setProperty(StateMachineMetrics.STATE_LATENCY_SAMPLING_PROP, "0");
        StateMachine machine = machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        try (Engine engine = Engine.launch(new Engine.Context().shards(1))) {
            for (int i = 0; i < 10; i++) {
                engine.startSync(machine, json("{}")).get(10, TimeUnit.SECONDS);
            }
            StateFigures pass = engine.metrics(machine).states().get("P");
            assertEquals(10, pass.entered());
            assertEquals(0, pass.sampled());
        }
    }

    @Test
    void shouldRefuseANegativeSampling() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new StateMachineMetrics("m", new String[] {"A"}, -1));
        assertTrue(error.getMessage().contains(StateMachineMetrics.STATE_LATENCY_SAMPLING_PROP), error.getMessage());
    }
}
