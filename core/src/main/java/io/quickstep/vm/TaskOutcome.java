package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an asynchronous task call ended, on its way from the thread that completed it to the thread
 * driving its execution ({@link Driver#deliver}); or, for a task answered by its token, news of
 * it on the same way: a heartbeat, or the worker that took an activity task.
 */
public final class TaskOutcome {
    enum Kind { RESULT, HEARTBEAT, STARTED }

    final Kind kind;
    final Frame frame;
    /** The frame's attempt the call was made for; an outcome for an earlier one is stale. */
    final int attempt;
    final JsonNode result;
    final Throwable error;
    /** For STARTED: the worker's name, or null when it gave none. */
    final String workerName;

    TaskOutcome(Frame frame, int attempt, JsonNode result, Throwable error) {
        this(Kind.RESULT, frame, attempt, result, error, null);
    }

    private TaskOutcome(Kind kind, Frame frame, int attempt, JsonNode result, Throwable error, String workerName) {
        this.kind = kind;
        this.frame = frame;
        this.attempt = attempt;
        this.result = result;
        this.error = error;
        this.workerName = workerName;
    }

    /** The task's worker sent a heartbeat. */
    static TaskOutcome heartbeat(Frame frame, int attempt) {
        return new TaskOutcome(Kind.HEARTBEAT, frame, attempt, null, null, null);
    }

    /** A worker took the activity task. */
    static TaskOutcome started(Frame frame, int attempt, String workerName) {
        return new TaskOutcome(Kind.STARTED, frame, attempt, null, null, workerName);
    }

    /** The execution the call was made for. */
    public Execution execution() {
        return frame.execution;
    }
}
