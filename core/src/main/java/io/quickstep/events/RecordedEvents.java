package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An execution's events once it has ended: an immutable list over a copy of its
 * {@link EventBuffer}'s rows. Each event, details included, is made when it is read, so that
 * ending an execution costs a copy of references and not the JSON of its events: whoever reads
 * them (a log shipper on its own thread, a test) pays for that. Safe to read from any thread once
 * handed over.
 */
final class RecordedEvents extends AbstractList<HistoryEvent> implements RandomAccess {
    private final byte[] types;
    private final int[] ids;
    private final int[] previousIds;
    private final long[] millis;
    private final long[] numbers;
    private final String[] texts;
    private final JsonNode[] values;

    RecordedEvents(byte[] types, int[] ids, int[] previousIds, long[] millis, long[] numbers, String[] texts,
                   JsonNode[] values) {
        this.types = types;
        this.ids = ids;
        this.previousIds = previousIds;
        this.millis = millis;
        this.numbers = numbers;
        this.texts = texts;
        this.values = values;
    }

    @Override
    public HistoryEvent get(int index) {
        int t = index * EventDetails.TEXTS;
        int v = index * EventDetails.VALUES;
        int n = index * EventDetails.NUMBERS;
        EventType type = EventType.of(types[index]);
        return new HistoryEvent(ids[index], previousIds[index], type, millis[index], EventDetails.of(type, texts[t],
                texts[t + 1], texts[t + 2], texts[t + 3], values[v], values[v + 1], numbers[n], numbers[n + 1]));
    }

    EventType type(int index) {
        return EventType.of(types[index]);
    }

    int id(int index) {
        return ids[index];
    }

    int previousId(int index) {
        return previousIds[index];
    }

    long millis(int index) {
        return millis[index];
    }

    /** Tells {@code writer} the details of one event, without making them. */
    void writeDetails(int index, DetailsWriter writer) {
        int t = index * EventDetails.TEXTS;
        int v = index * EventDetails.VALUES;
        int n = index * EventDetails.NUMBERS;
        EventDetails.write(type(index), texts[t], texts[t + 1], texts[t + 2], texts[t + 3], values[v], values[v + 1],
                numbers[n], numbers[n + 1], writer);
    }

    @Override
    public int size() {
        return ids.length;
    }
}
