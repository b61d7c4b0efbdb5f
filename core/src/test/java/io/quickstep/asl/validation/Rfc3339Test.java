package io.quickstep.asl.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2016-03-14T01:59:00Z", "2016-03-05T21:29:29.243167252Z", "2024-02-29T23:59:59Z",
        "2016-03-14T01:59:00+01:00", "2016-03-14T01:59:00-23:59"})
    void acceptsRfc3339DateTimes(String text) {
        assertTrue(Rfc3339.matches(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-13-05T21:29:29Z", "2016-12-05T21:29:29", "2023-02-29T00:00:00Z",
        "2016-03-14t01:59:00Z", "2016-03-14T01:59:00z", "2016-03-14T24:00:00Z", "2016-03-14T01:60:00Z",
        "2016-03-14T01:59:60Z", "2016-03-14T01:59:00+24:00", "2016-03-14 01:59:00Z", "2016-3-14T01:59:00Z",
        "2016-03-14T01:59:00.Z", "2016-03-14T01:59:00.1234567890Z", "{% '2016-03-14T01:59:00Z' %}", ""})
    void refusesAnythingElse(String text) {
        assertFalse(Rfc3339.matches(text));
    }
}
