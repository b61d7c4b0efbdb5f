package io.quickstep.loadtest;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsMillisecondsSecondsMinutesAndPlainSeconds() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(5), converter.convert("5s"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofSeconds(10), converter.convert("10"));
    }

    @Test
    void refusesWhatIsNoDurationSayingWhatIsExpected() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("5h"));
        assertTrue(e.getMessage().contains("500ms, 5s, 2m"), e.getMessage());
        assertThrows(TypeConversionException.class, () -> converter.convert("-1s"));
        assertThrows(TypeConversionException.class, () -> converter.convert("1.5s"));
    }

    @Test
    void writesDurationsInTheirLargestWholeUnit() {
        assertEquals("500ms", DurationConverter.format(Duration.ofMillis(500)));
        assertEquals("5s", DurationConverter.format(Duration.ofSeconds(5)));
        assertEquals("2m", DurationConverter.format(Duration.ofMinutes(2)));
        assertEquals("0s", DurationConverter.format(Duration.ZERO));
    }
}
