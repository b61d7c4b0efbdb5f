package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an asynchronous task call ended, on its way from the thread that completed it to the thread
 * driving its execution ({@link Driver#deliver}).
 */
public final class TaskOutcome {
    final Frame frame;
    /** The frame's attempt the call was made for; an outcome for an earlier one is stale. */
    final int attempt;
    final JsonNode result;
    final Throwable error;

    TaskOutcome(Frame frame, int attempt, JsonNode result, Throwable error) {
        this.frame = frame;
        this.attempt = attempt;
        this.result = result;
        this.error = error;
    }

    /** The execution the call was made for. */
    public Execution execution() {
        return frame.execution;
    }
}
