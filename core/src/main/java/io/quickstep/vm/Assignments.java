package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.AssignSpec;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;

import java.util.Iterator;
import java.util.Map;

/**
 * Assign: evaluated while the state runs, against the variable values the state entered with, and
 * applied when the state is left ({@link Frame#applyAssignments()}). AWS's limits hold: one
 * variable at most 256 KiB, one Assign at most 256 KiB, all variables of an execution at most 10 MiB.
 */
final class Assignments {
    static final long MAX_VARIABLE_BYTES = 256 * 1024;
    static final long MAX_ASSIGN_BYTES = 256 * 1024;
    static final long MAX_EXECUTION_BYTES = 10 * 1024 * 1024;

    private Assignments() {
    }

    /** Evaluates a state's (or rule's) Assign into the frame's pending assignments. */
    static void evaluate(AssignSpec assign, Frame frame) {
        frame.scopeInput = assign.fromResult() ? frame.result : frame.value;
        JsonNode values = assign.evaluate(frame);
        checkSizes(values);
        frame.pendingAssign = values;
    }

    private static void checkSizes(JsonNode values) {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            long size = DataLimit.measure(field.getValue());
            if (size > MAX_VARIABLE_BYTES) {
                throw new ExecutionFailure(StatesErrors.DATA_LIMIT_EXCEEDED, "The variable '" + field.getKey()
                        + "' exceeds the maximum size of 256 KiB.");
            }
            total += size;
        }
        if (total > MAX_ASSIGN_BYTES) {
            throw new ExecutionFailure(StatesErrors.DATA_LIMIT_EXCEEDED,
                    "The variables assigned by one state exceed the maximum size of 256 KiB.");
        }
    }

    /** Adds {@code added} bytes of stored variables to the execution's total (negative when shrinking). */
    static void account(Execution execution, long added) {
        execution.variableBytes += added;
        if (execution.variableBytes > MAX_EXECUTION_BYTES) {
            throw new ExecutionFailure(StatesErrors.DATA_LIMIT_EXCEEDED,
                    "The variables of the execution exceed the maximum total size of 10 MiB.");
        }
    }
}
