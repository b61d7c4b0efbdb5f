package io.quickstep.metrics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's error handler, in the manner of Aeron's agents: every error that outside code or
 * the engine itself throws is counted by kind, and the first occurrence of each distinct error
 * (same kind, class and place) is logged with its stack trace and kept with a count; none ends a
 * shard. Written by any thread.
 */
public final class EngineErrors {
    private static final Logger LOG = Logger.getLogger("io.quickstep.engine");
    /** Distinct errors kept; beyond this many only the counters go on. */
    private static final int MAX_DISTINCT = 1024;

    /** What failed. */
    public enum Kind {
        /** A task handler threw something other than an {@code ExecutionFailure}: its task failed. */
        HANDLER("a task handler threw"),
        /** An {@code ExecutionListener} threw; the execution's result stands. */
        LISTENER("an execution listener threw"),
        /** The engine failed while running an execution, which ended with States.Runtime. */
        ENGINE_FAULT("an engine fault ended an execution with States.Runtime"),
        /** The engine failed in a shard's own work, outside any one execution. */
        SHARD_FAULT("a shard's duty cycle failed");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One distinct error: where and what, its stack trace, and how often it was seen. */
    public static final class DistinctError {
        private final Kind kind;
        private final String where;
        private final String stackTrace;
        private final long firstMillis;
        private final LongAdder count = new LongAdder();

        DistinctError(Kind kind, String where, String stackTrace) {
            this.kind = kind;
            this.where = where;
            this.stackTrace = stackTrace;
            this.firstMillis = System.currentTimeMillis();
        }

        public Kind kind() {
            return kind;
        }

        /** The state, handler or shard it happened in. */
        public String where() {
            return where;
        }

        /** The first occurrence's stack trace. */
        public String stackTrace() {
            return stackTrace;
        }

        public long firstMillis() {
            return firstMillis;
        }

        public long count() {
            return count.sum();
        }
    }

    private final LongAdder[] counts = new LongAdder[Kind.values().length];
    private final ConcurrentHashMap<String, DistinctError> distinct = new ConcurrentHashMap<>();

    public EngineErrors() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts an error; logs it with its stack trace when it is the first of its kind, class and place. */
    public void record(Kind kind, String where, Throwable error) {
        counts[kind.ordinal()].increment();
        String key = kind.ordinal() + "|" + error.getClass().getName() + "|" + where;
        DistinctError seen = distinct.get(key);
        if (seen == null && distinct.size() < MAX_DISTINCT) {
            DistinctError first = new DistinctError(kind, where, stackTrace(error));
            seen = distinct.putIfAbsent(key, first);
            if (seen == null) {
                seen = first;
                LOG.log(Level.WARNING, "Quickstep: " + kind.description + " (" + where
                        + "); the first of its kind is logged, later ones are counted", error);
            }
        }
        if (seen != null) {
            seen.count.increment();
        }
    }

    /** How many errors of this kind there were. */
    public long count(Kind kind) {
        return counts[kind.ordinal()].sum();
    }

    /** All errors counted, of every kind. */
    public long total() {
        long total = 0;
        for (LongAdder count : counts) {
            total += count.sum();
        }
        return total;
    }

    /** The distinct errors seen so far, with their counts. */
    public List<DistinctError> distinct() {
        return new ArrayList<>(distinct.values());
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
