package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.compiler.CatchPolicy;
import io.quickstep.compiler.ErrorMatcher;
import io.quickstep.compiler.RetryPolicy;
import io.quickstep.compiler.StateInfo;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.Json;

import java.util.concurrent.ThreadLocalRandom;

/**
 * What happens after a state raised an error: the first Retry rule that matches retries the state
 * (after its back-off) while it has attempts left; else the first matching Catch rule moves on with
 * the error output; else the error leaves the frame.
 */
final class Recovery {
    final boolean retry;
    final long delayMillis;
    final JsonNode output;
    final int nextState;

    private Recovery(boolean retry, long delayMillis, JsonNode output, int nextState) {
        this.retry = retry;
        this.delayMillis = delayMillis;
        this.output = output;
        this.nextState = nextState;
    }

    /** The way on, or null when no rule handles the failure. */
    static Recovery recover(Frame frame, StateInfo state, ExecutionFailure failure, JsonNode stateInput) {
        if (state == null) {
            return null;
        }
        String error = failure.error();
        RetryPolicy[] retriers = state.retry();
        for (int i = 0; i < retriers.length; i++) {
            RetryPolicy retrier = retriers[i];
            if (ErrorMatcher.matches(retrier.errorEquals(), error)) {
                if (frame.retryAttempts[i] < retrier.maxAttempts()) {
                    long delay = retrier.delayMillis(frame.retryAttempts[i]);
                    if (retrier.fullJitter()) {
                        delay = (long) (ThreadLocalRandom.current().nextDouble() * delay);
                    }
                    frame.retryAttempts[i]++;
                    return new Recovery(true, delay, null, -1);
                }
                break;
            }
        }
        for (CatchPolicy catcher : state.catchers()) {
            if (ErrorMatcher.matches(catcher.errorEquals(), error)) {
                ObjectNode errorOutput = errorOutput(failure);
                JsonNode output = catcher.resultPath() == null ? stateInput
                        : Paths.merge(catcher.resultPath(), stateInput, errorOutput);
                return new Recovery(false, 0, output, catcher.nextState());
            }
        }
        return null;
    }

    /** {@code {"Error": ..., "Cause": ...}}, the value a Catch hands on. */
    static ObjectNode errorOutput(ExecutionFailure failure) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("Error", failure.error());
        if (failure.causeText() != null) {
            node.put("Cause", failure.causeText());
        }
        return node;
    }

    /**
     * The engine's own run-time errors name the state they happened in, as AWS's do; the prefix is
     * added once, where the error is raised, and kept as it travels up through branches.
     */
    static ExecutionFailure located(ExecutionFailure failure, Frame frame) {
        if (!StatesErrors.RUNTIME.equals(failure.error()) || failure instanceof Located || frame.state == null) {
            return failure;
        }
        return new Located(failure.error(), "An error occurred while executing the state '" + frame.state.name()
                + "' (entered at the event id #" + frame.enteredEventId + "). " + failure.causeText());
    }

    /** A run-time error that already names its state. */
    private static final class Located extends ExecutionFailure {
        Located(String error, String causeText) {
            super(error, causeText);
        }
    }
}
