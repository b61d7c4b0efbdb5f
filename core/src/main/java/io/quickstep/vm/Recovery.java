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
 * the error output; else the error leaves the program.
 */
final class Recovery {
    private static final Recovery RETRY = new Recovery(true, null, -1);

    final boolean retry;
    final JsonNode output;
    final int nextState;

    private Recovery(boolean retry, JsonNode output, int nextState) {
        this.retry = retry;
        this.output = output;
        this.nextState = nextState;
    }

    static Recovery recover(Frame frame, StateInfo state, ExecutionFailure failure, JsonNode stateInput) {
        if (state == null) {
            throw failure;
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
                    Deadline.sleep(frame.execution, delay);
                    return RETRY;
                }
                break;
            }
        }
        for (CatchPolicy catcher : state.catchers()) {
            if (ErrorMatcher.matches(catcher.errorEquals(), error)) {
                ObjectNode errorOutput = errorOutput(failure);
                JsonNode output = catcher.resultPath() == null ? stateInput
                        : Paths.merge(catcher.resultPath(), stateInput, errorOutput);
                return new Recovery(false, output, catcher.nextState());
            }
        }
        throw located(failure, frame);
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
    private static ExecutionFailure located(ExecutionFailure failure, Frame frame) {
        if (!StatesErrors.RUNTIME.equals(failure.error()) || failure instanceof Located) {
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
