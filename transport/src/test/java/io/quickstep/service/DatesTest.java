package io.quickstep.service;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quickstep.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A timestamp written straight to a generator reads as the stored one does, to the millisecond. */
class DatesTest {
    @ParameterizedTest
    @ValueSource(longs = {0, 5, 42, 999, 1000, 1001, 1_796_598_313_005L, 1_796_598_313_050L, 1_796_598_313_312L, -1, -1500})
    void writtenTimestampsMatchTheStoredForm(long millis) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(text)) {
            Dates.write(json, millis);
        }
        assertEquals(Json.write(Dates.epochSeconds(millis)), text.toString());
        assertEquals(millis, Dates.millis(Json.parse(text.toString())));
    }
}
