package io.quickstep.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimestampsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2016-03-14T01:59:00Z", "2016-03-05T21:29:29.243167252Z", "2024-02-29T23:59:59Z",
        "2016-03-14T01:59:00+01:00", "2016-03-14T01:59:00-23:59", "0000-01-01T00:00:00Z"})
    void acceptsRfc3339DateTimesWithSeconds(String text) {
        assertNotNull(Timestamps.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-13-05T21:29:29Z", "2016-12-05T21:29:29", "2023-02-29T00:00:00Z",
        "2016-03-14t01:59:00Z", "2016-03-14T01:59:00z", "2016-03-14T24:00:00Z", "2016-03-14T01:60:00Z",
        "2016-03-14T01:59:60Z", "2016-03-14T01:59:00+24:00", "2016-03-14T01:59:00+01:60", "2016-03-14 01:59:00Z",
        "2016-3-14T01:59:00Z", "2016-03-14T01:59:00.Z", "2016-03-14T01:59:00.1234567890Z",
        "{% '2016-03-14T01:59:00Z' %}", "", "2016-03-14T01:59Z", "2016-03-14T01:59+01:00",
        "2016-03-14T01:59:00+0100", "2016-03-14T01:59:00+01:00:00", "2016-03-14T01:59:00+01"})
    void refusesAnythingElse(String text) {
        assertNull(Timestamps.parse(text));
    }

    @Test
    void readsTheInstantWithItsOffsetAndFraction() {
        assertEquals(Instant.parse("2016-03-14T00:59:00Z"), Timestamps.parse("2016-03-14T01:59:00+01:00"));
        assertEquals(Instant.parse("2016-03-05T21:29:29.243167252Z"), Timestamps.parse("2016-03-05T21:29:29.243167252Z"));
        assertEquals(Instant.parse("2016-03-14T01:59:00.500Z"), Timestamps.parse("2016-03-14T01:59:00.5Z"));
        // Beyond the 18 hours java.time's offsets allow, which RFC 3339 does not limit.
        assertEquals(Instant.parse("2016-03-13T06:59:00Z"), Timestamps.parse("2016-03-14T01:59:00+19:00"));
        assertEquals(Instant.parse("2016-03-15T01:58:00Z"), Timestamps.parse("2016-03-14T01:59:00-23:59"));
    }

    @Test
    void onlyStringsAreTimestamps() {
        assertNull(Timestamps.of(Json.NODES.numberNode(1457920740)));
        assertEquals(Instant.parse("2016-03-14T01:59:00Z"), Timestamps.of(Json.NODES.textNode("2016-03-14T01:59:00Z")));
    }
}
