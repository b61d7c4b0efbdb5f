package io.quickstep.compiler;

import io.quickstep.events.LoggingConfiguration;

/**
 * A state machine as the runtime runs it: its name, its compiled program and its execution time
 * limit (the definition's TimeoutSeconds, at most the Express five minutes). One per state machine,
 * made when it is created, and shared by all its executions. Equal only to itself: it keys the
 * engine's metrics on every start, and a record's hash would walk its parts each time.
 */
public final class CompiledMachine {
    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();
    /** A number of its own, for where a reference would cost too much (a watchdog's view of a call). */
    private final int id = IDS.incrementAndGet();
    private final String name;
    private final Program program;
    private final long timeoutMillis;
    private final boolean recordsEvents;
    private final LoggingConfiguration logging;

    public CompiledMachine(String name, Program program, long timeoutMillis) {
        this(name, program, timeoutMillis, false);
    }

    /** @param recordsEvents whether its executions record their history events */
    public CompiledMachine(String name, Program program, long timeoutMillis, boolean recordsEvents) {
        this(name, program, timeoutMillis, recordsEvents, LoggingConfiguration.OFF);
    }

    /**
     * @param recordsEvents whether its executions record their history events (they do too when
     *                      {@code logging} logs anything)
     * @param logging       its {@code loggingConfiguration}: what a log shipper writes of its executions' events
     */
    public CompiledMachine(String name, Program program, long timeoutMillis, boolean recordsEvents,
                           LoggingConfiguration logging) {
        this.name = name;
        this.program = program;
        this.timeoutMillis = timeoutMillis;
        this.recordsEvents = recordsEvents || logging.enabled();
        this.logging = logging;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Program program() {
        return program;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Whether its executions record their history events (off by default: it costs time and memory). */
    public boolean recordsEvents() {
        return recordsEvents;
    }

    /** Its {@code loggingConfiguration}; {@link LoggingConfiguration#OFF} by default. */
    public LoggingConfiguration logging() {
        return logging;
    }
}
