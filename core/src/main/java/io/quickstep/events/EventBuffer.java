package io.quickstep.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.execution.Clock;

import java.util.Arrays;
import java.util.List;

/**
 * One execution's events as they are recorded: parallel arrays, one row per event, grown by
 * doubling and reused for the next execution after {@link #clear()}. Recording stores references
 * only (a type, two ids, a time, up to four strings, two JSON values and two numbers) and builds no
 * JSON; the values are the engine's own, never changed once built, so holding them captures them.
 * {@link #events()} hands them over as an immutable list.
 *
 * <p>Written and read by the one thread driving the execution; not thread-safe.
 */
public final class EventBuffer {
    private static final int INITIAL = 16;

    private int size;
    private byte[] types = new byte[INITIAL];
    private int[] ids = new int[INITIAL];
    private int[] previousIds = new int[INITIAL];
    private long[] millis = new long[INITIAL];
    private long[] numbers = new long[INITIAL * EventDetails.NUMBERS];
    private String[] texts = new String[INITIAL * EventDetails.TEXTS];
    private JsonNode[] values = new JsonNode[INITIAL * EventDetails.VALUES];
    /** The time events are stamped with until {@link #newEventTime()}, or -1 to read the clock. */
    private long eventMillis = -1;

    /**
     * Records one event. Which of the fields each type has is {@link EventDetails}'s; unused ones
     * are null, or -1 for the numbers.
     *
     * @param name   the state's name, or the task's or map run's resource
     * @param extra  a second name: the region of a task, the field of a failed evaluation
     * @param value  the input, output or task parameters
     * @param number a length, index or time limit in seconds; {@code number2} the heartbeat limit
     */
    public void add(EventType type, int id, int previousId, long timeMillis, String name, String error, String cause,
                    String extra, JsonNode value, JsonNode assignedVariables, long number, long number2) {
        if (size == ids.length) {
            grow();
        }
        int row = size++;
        types[row] = (byte) type.ordinal();
        ids[row] = id;
        previousIds[row] = previousId;
        millis[row] = timeMillis;
        int n = row * EventDetails.NUMBERS;
        numbers[n] = number;
        numbers[n + 1] = number2;
        int t = row * EventDetails.TEXTS;
        texts[t] = name;
        texts[t + 1] = error;
        texts[t + 2] = cause;
        texts[t + 3] = extra;
        int v = row * EventDetails.VALUES;
        values[v] = value;
        values[v + 1] = assignedVariables;
    }

    /**
     * The time to stamp an event recorded now: the clock's at the first event since
     * {@link #newEventTime()}, the same after (a clock read costs more than recording an event).
     */
    public long eventMillis(Clock clock) {
        long millis = eventMillis;
        if (millis < 0) {
            millis = clock.millis();
            eventMillis = millis;
        }
        return millis;
    }

    /** Time may have passed (a new slice of the execution, a task's outcome, a timer): read the clock again. */
    public void newEventTime() {
        eventMillis = -1;
    }

    /** The number of events recorded. */
    public int size() {
        return size;
    }

    /**
     * The events recorded so far, oldest first, as an immutable list of its own: later recording
     * and {@link #clear()} leave it as it is. Each event is made as it is read.
     */
    public List<HistoryEvent> events() {
        return new RecordedEvents(Arrays.copyOf(types, size), Arrays.copyOf(ids, size),
                Arrays.copyOf(previousIds, size), Arrays.copyOf(millis, size),
                Arrays.copyOf(numbers, size * EventDetails.NUMBERS), Arrays.copyOf(texts, size * EventDetails.TEXTS),
                Arrays.copyOf(values, size * EventDetails.VALUES));
    }

    /** Forgets every event (and the references they held), keeping the arrays for the next execution. */
    public void clear() {
        Arrays.fill(texts, 0, size * EventDetails.TEXTS, null);
        Arrays.fill(values, 0, size * EventDetails.VALUES, null);
        size = 0;
        eventMillis = -1;
    }

    private void grow() {
        int capacity = ids.length * 2;
        types = Arrays.copyOf(types, capacity);
        ids = Arrays.copyOf(ids, capacity);
        previousIds = Arrays.copyOf(previousIds, capacity);
        millis = Arrays.copyOf(millis, capacity);
        numbers = Arrays.copyOf(numbers, capacity * EventDetails.NUMBERS);
        texts = Arrays.copyOf(texts, capacity * EventDetails.TEXTS);
        values = Arrays.copyOf(values, capacity * EventDetails.VALUES);
    }
}
