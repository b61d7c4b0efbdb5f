package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.json.Json;
import io.quickstep.task.TaskRequest;
import io.quickstep.task.TaskTimeoutException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MocksTest {

    private static Mocks mocks(String json) throws Exception {
        return new Mocks(MockAnswer.parseAll(Json.parse(json)));
    }

    private static JsonNode call(Mocks mocks, String state) {
        return mocks.invoke(new TaskRequest(state, "arn:aws:lambda:us-east-1:111111111111:function:f",
                Json.NODES.objectNode(), Json.NODES.objectNode()));
    }

    @Test
    void shouldAnswerEachStateInOrderWithItsOwnCounter() throws Exception {
        Mocks mocks = mocks("{\"A\":[{\"return\":1},{\"return\":{\"x\":2}}],\"B\":[{\"return\":\"b\"}]}");
        assertEquals(Json.parse("1"), call(mocks, "A"));
        assertEquals(Json.parse("\"b\""), call(mocks, "B"));
        assertEquals(Json.parse("{\"x\":2}"), call(mocks, "A"));
        assertNull(mocks.problem());
    }

    @Test
    void shouldThrowTheRecordedErrorAndCause() throws Exception {
        Mocks mocks = mocks("{\"A\":[{\"throw\":{\"error\":\"Exception\",\"cause\":\"{\\\"errorMessage\\\":\\\"x\\\"}\"}},"
                + "{\"throw\":{\"error\":\"Lambda.Unknown\"}}]}");
        ExecutionFailure first = assertThrows(ExecutionFailure.class, () -> call(mocks, "A"));
        assertEquals("Exception", first.error());
        assertEquals("{\"errorMessage\":\"x\"}", first.causeText());
        ExecutionFailure second = assertThrows(ExecutionFailure.class, () -> call(mocks, "A"));
        assertEquals("Lambda.Unknown", second.error());
        assertNull(second.causeText());
    }

    @Test
    void shouldTimeOutWhenTheRecordingSaysSo() throws Exception {
        Mocks mocks = mocks("{\"Start\":[{\"timeout\":true}]}");
        assertThrows(TaskTimeoutException.class, () -> call(mocks, "Start"));
        assertNull(mocks.problem());
    }

    @Test
    void shouldFailTheTaskAndReportWhenAListRunsOut() throws Exception {
        Mocks mocks = mocks("{\"A\":[{\"return\":1}]}");
        call(mocks, "A");
        ExecutionFailure overrun = assertThrows(ExecutionFailure.class, () -> call(mocks, "A"));
        assertEquals(Mocks.EXHAUSTED, overrun.error());
        assertEquals("mocks: Task state 'A' was invoked 2 times but the mocks give 1 answer(s)", mocks.overrun());
        assertEquals(mocks.overrun(), mocks.problem());
    }

    @Test
    void shouldReportAStateWithoutAList() throws Exception {
        Mocks mocks = mocks("{}");
        assertThrows(ExecutionFailure.class, () -> call(mocks, "Ghost"));
        assertEquals("mocks: Task state 'Ghost' was invoked but the mocks have no list for it", mocks.overrun());
    }

    @Test
    void shouldReportAnswersLeftUnused() throws Exception {
        Mocks mocks = mocks("{\"B\":[{\"return\":1},{\"return\":2}],\"A\":[{\"return\":1}],\"Never\":[]}");
        call(mocks, "B");
        assertNull(mocks.overrun());
        assertEquals("mocks: answers left unused: 'A' used 0 of 1, 'B' used 1 of 2", mocks.unused());
        assertEquals(mocks.unused(), mocks.problem());
    }

    @Test
    void shouldRefuseMalformedEntries() {
        for (String bad : new String[] {"[]", "{\"A\":{}}", "{\"A\":[{}]}", "{\"A\":[{\"timeout\":false}]}",
                "{\"A\":[{\"throw\":{\"cause\":\"c\"}}]}", "{\"A\":[{\"return\":1,\"timeout\":true}]}"}) {
            CaseFormatException e = assertThrows(CaseFormatException.class, () -> mocks(bad), bad);
            assertTrue(e.getMessage().startsWith("mocks"), e.getMessage());
        }
    }

    /** Task states at three depths: the machine, a Parallel branch, a Map item processor (and an older Iterator). */
    private static final String BOOKING = "{\"StartAt\": \"Route\", \"States\": {"
            + "\"Route\": {\"Type\": \"Choice\", \"Choices\": [], \"Default\": \"Book\"},"
            + "\"Book\": {\"Type\": \"Parallel\", \"Next\": \"Each\", \"Branches\": [{\"StartAt\": \"BookHotel\", "
            + "\"States\": {\"BookHotel\": {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true}}}]},"
            + "\"Each\": {\"Type\": \"Map\", \"Next\": \"Old\", \"ItemProcessor\": {\"StartAt\": \"Notify\", \"States\": "
            + "{\"Notify\": {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true}}}},"
            + "\"Old\": {\"Type\": \"Map\", \"End\": true, \"Iterator\": {\"StartAt\": \"Charge\", \"States\": "
            + "{\"Charge\": {\"Type\": \"Task\", \"Resource\": \"r\", \"End\": true}}}}}}";

    @Test
    void shouldFindTaskStatesAtAnyDepth() throws Exception {
        assertNull(mocks("{\"BookHotel\": [], \"Notify\": [], \"Charge\": []}").misnamed(Json.parse(BOOKING)));
    }

    @Test
    void shouldNameEntriesThatNameNoTaskStateWithTheNearestOne() throws Exception {
        Mocks misnamed = mocks("{\"BookHotle\": [], \"Route\": [], \"Unrelated\": [], \"charge\": [], \"Notify\": []}");
        assertEquals("mocks.BookHotle: no state of the definition has this name; did you mean 'BookHotel'?; "
                        + "mocks.Route: 'Route' is a Choice state; only Task states take answers; "
                        + "mocks.Unrelated: no state of the definition has this name; "
                        + "mocks.charge: no state of the definition has this name; did you mean 'Charge'?",
                misnamed.misnamed(Json.parse(BOOKING)));
    }

    @Test
    void shouldSuggestOnlyNearMisses() {
        assertEquals(1, Spelling.distance("BookHotle", "BookHotel"));
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals("; did you mean 'Charge'?", Spelling.didYouMean("Chrage", java.util.List.of("Reserve", "Charge")));
        assertEquals("", Spelling.didYouMean("Pay", java.util.List.of("Charge", "Reserve")));
        assertEquals("", Spelling.didYouMean("B", java.util.List.of("A")));
    }
}
