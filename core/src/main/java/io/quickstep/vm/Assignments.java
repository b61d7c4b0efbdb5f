package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.AssignSpec;

/**
 * Assign: evaluated while the state runs, against the variable values the state entered with, and
 * applied when the state is left ({@link Frame#applyAssignments()}).
 */
final class Assignments {
    private Assignments() {
    }

    /** Evaluates a state's (or rule's) Assign into the frame's pending assignments. */
    static void evaluate(AssignSpec assign, Frame frame) {
        frame.scopeInput = assign.fromResult() ? frame.result : frame.value;
        if (frame.result != null) {
            frame.statesResult = frame.result;
        }
        JsonNode values = assign.evaluate(frame);
        frame.pendingAssign = values;
    }
}
