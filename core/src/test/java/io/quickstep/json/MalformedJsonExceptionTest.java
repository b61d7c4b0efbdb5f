package io.quickstep.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user reads about JSON text that does not parse: what is wrong and where, never Jackson's internals. */
class MalformedJsonExceptionTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quickstep.json.BadJsonTexts#badTexts")
    void shouldSayWhatIsWrongAndWhereInTheTextsTerms(String what, String text, String expected) {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> Json.read(text));
        assertEquals(expected, e.getMessage());
        assertTrue(e.line() > 0 && e.column() > 0, e.getMessage());
        BadJsonTexts.assertNoInternals(e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quickstep.json.BadJsonTexts#badTexts")
    void shouldSayTheSameForAParsersComplaint(String what, String text, String expected) {
        if (!text.isBlank()) {
            assertEquals(expected, MalformedJsonException.of(assertThrows(
                    com.fasterxml.jackson.core.JsonProcessingException.class, () -> Json.parse(text))).getMessage());
        }
    }
}
