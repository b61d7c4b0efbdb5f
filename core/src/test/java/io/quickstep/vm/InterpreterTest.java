package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.execution.Clock;
import io.quickstep.execution.ExecutionResult;
import io.quickstep.execution.ExecutionStatus;
import io.quickstep.json.Json;
import io.quickstep.task.TaskHandlers;
import io.quickstep.task.TaskTimeoutException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpreterTest {

    /** A virtual clock that records every sleep. */
    static final class RecordingClock implements Clock {
        final List<Long> sleeps = new ArrayList<>();
        long now = 1_700_000_000_000L;

        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleep(long durationMillis) {
            sleeps.add(durationMillis);
            now += durationMillis;
        }
    }

    private static ExecutionResult run(String definition, String input, TaskHandlers tasks, Clock clock)
            throws Exception {
        StateMachine machine = StateMachine.create("test", definition.replace('\'', '"'));
        return machine.execute(Json.parse(input.replace('\'', '"')),
                ExecutionOptions.defaults().tasks(tasks).clock(clock));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text.replace('\'', '"'));
    }

    @Test
    void shouldRetryWithBackoffThenCatch() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TaskHandlers tasks = new TaskHandlers().register("flaky", request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("busy");
        });
        RecordingClock clock = new RecordingClock();
        ExecutionResult result = run("{'StartAt':'T','States':{"
                + "'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:flaky','Retry':[{'ErrorEquals':['IllegalStateException'],"
                + "'IntervalSeconds':2,'MaxAttempts':3,'BackoffRate':3.0,'MaxDelaySeconds':10}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Done'}],'End':true},"
                + "'Done':{'Type':'Pass','End':true}}}", "{'a':1}", tasks, clock);

        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(4, calls.get());
        assertEquals(List.of(2000L, 6000L, 10000L), clock.sleeps);
        JsonNode error = result.output().get("error");
        assertEquals("IllegalStateException", error.get("Error").textValue());
        // A Lambda function's exception: the cause is the error JSON Lambda writes for it.
        assertEquals("busy", Json.parse(error.get("Cause").textValue()).get("errorMessage").textValue());
    }

    @Test
    void shouldFailWithTaskErrorWhenRetriesRunOut() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("bad", request -> {
            throw new ExecutionFailure("Custom.Error", "it broke");
        });
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:bad',"
                + "'Retry':[{'ErrorEquals':['States.TaskFailed'],'MaxAttempts':1}],'End':true}}}", "{}", tasks,
                new RecordingClock());
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("Custom.Error", result.error());
        assertEquals("it broke", result.cause());
    }

    @Test
    void shouldTimeOutTaskAndAdvanceVirtualClockByTimeout() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("slow", request -> {
            throw new TaskTimeoutException();
        });
        RecordingClock clock = new RecordingClock();
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:slow',"
                + "'TimeoutSeconds':7,'End':true}}}", "{}", tasks, clock);
        assertEquals("States.Timeout", result.error());
        assertNull(result.cause());
        assertEquals(List.of(7000L), clock.sleeps);
    }

    @Test
    void shouldFailWithHeartbeatTimeoutWhenTheHeartbeatLimitIsShorter() throws Exception {
        TaskHandlers tasks = new TaskHandlers().register("silent", request -> {
            throw new TaskTimeoutException();
        });
        RecordingClock clock = new RecordingClock();
        ExecutionResult result = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:lambda:us-east-1:123456789012:function:silent','TimeoutSeconds':10,'HeartbeatSeconds':3,"
                + "'End':true}}}", "{}", tasks, clock);
        assertEquals("States.HeartbeatTimeout", result.error());
        assertEquals(List.of(3000L), clock.sleeps);
    }

    @Test
    void shouldRunParallelBranchesInOrderAndMapItemsWithSelector() throws Exception {
        ExecutionResult result = run("{'StartAt':'P','States':{"
                + "'P':{'Type':'Parallel','Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':1,'End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','InputPath':'$.items','End':true}}}],"
                + "'ResultPath':'$.branches','Next':'M'},"
                + "'M':{'Type':'Map','ItemsPath':'$.items','ItemSelector':{'i.$':'$$.Map.Item.Index',"
                + "'v.$':'$$.Map.Item.Value'},'ItemProcessor':{'StartAt':'X','States':{'X':{'Type':'Pass','End':true}}},"
                + "'ResultPath':'$.mapped','End':true}}}", "{'items':['a','b']}", new TaskHandlers(), new RecordingClock());
        assertEquals(json("{'items':['a','b'],'branches':[1,['a','b']],"
                + "'mapped':[{'i':0,'v':'a'},{'i':1,'v':'b'}]}"), result.output());
    }

    @Test
    void shouldNameStateAndEventIdInRuntimeErrors() throws Exception {
        ExecutionResult result = run("{'StartAt':'First','States':{'First':{'Type':'Pass','Next':'Second'},"
                + "'Second':{'Type':'Pass','InputPath':'$.missing','End':true}}}", "{'a':1}", new TaskHandlers(),
                new RecordingClock());
        assertEquals("States.Runtime", result.error());
        assertEquals("An error occurred while executing the state 'Second' (entered at the event id #4). "
                + "Invalid path '$.missing' : No results for path: $['missing']", result.cause());
    }

    @Test
    void shouldWaitOnVirtualClockAndTimeOutTheExecution() throws Exception {
        RecordingClock clock = new RecordingClock();
        ExecutionResult result = run("{'TimeoutSeconds':5,'StartAt':'W','States':{"
                + "'W':{'Type':'Wait','Seconds':3,'Next':'W2'},'W2':{'Type':'Wait','Seconds':3,'End':true}}}",
                "{}", new TaskHandlers(), clock);
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals("States.Timeout", result.error());
        assertEquals(List.of(3000L, 2000L), clock.sleeps);
    }

    @Test
    void shouldFailOutputsOverThePayloadLimit() throws Exception {
        String big = "x".repeat(DataLimit.MAX_BYTES);
        ExecutionResult result = run("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'" + big + "','End':true}}}",
                "{}", new TaskHandlers(), new RecordingClock());
        assertEquals("States.DataLimitExceeded", result.error());
        assertTrue(result.cause().contains("'P'"));
    }

    @Test
    void shouldShareUnchangedValuesInsteadOfCopying() throws Exception {
        JsonNode input = json("{'keep':{'deep':[1,2,3]}}");
        StateMachine machine = StateMachine.create("share", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"Result\":1,\"ResultPath\":\"$.added\",\"End\":true}}}");
        ExecutionResult result = machine.execute(input, ExecutionOptions.defaults());
        assertTrue(result.output().get("keep") == input.get("keep"), "the untouched sub-tree is the same object");
        assertEquals(json("{'keep':{'deep':[1,2,3]}}"), input, "the input is not mutated");
    }
}
