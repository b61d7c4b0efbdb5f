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
                return new Recovery(false, 0, caught(frame, catcher, errorOutput(failure), stateInput),
                        catcher.nextState());
            }
        }
        return null;
    }

    /**
     * The output of a state whose error a Catch rule caught: in JSONPath the error output placed at
     * the rule's ResultPath; in JSONata the rule's Output, by default the error output. The rule's
     * Assign replaces the state's own.
     */
    private static JsonNode caught(Frame frame, CatchPolicy catcher, ObjectNode errorOutput, JsonNode stateInput) {
        frame.pendingAssign = null;
        frame.statesErrorOutput = errorOutput;
        frame.scopeInput = errorOutput;
        if (catcher.assign() != null) {
            frame.pendingAssign = catcher.assign().evaluate(frame);
        }
        if (catcher.jsonata()) {
            return catcher.output() == null ? errorOutput : catcher.output().evaluate(frame);
        }
        return catcher.resultPath() == null ? stateInput : Paths.merge(catcher.resultPath(), stateInput, errorOutput);
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
        boolean engineError = StatesErrors.RUNTIME.equals(failure.error())
                || StatesErrors.QUERY_EVALUATION_ERROR.equals(failure.error());
        if (!engineError || failure instanceof Located || frame.state == null) {
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
