package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.AssignSpec;
import io.quickstep.compiler.ChoiceCondition;
import io.quickstep.compiler.ChoiceTable;
import io.quickstep.compiler.JsonataField;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;

/**
 * Choice states: the first rule that holds picks the next state, else Default. The chosen rule's
 * Assign and Output (or the state's own, for Default) take effect.
 */
final class Choices {
    private Choices() {
    }

    /** The index of the state to go to. */
    static int choose(ChoiceTable table, Frame frame, JsonNode input) {
        frame.scopeInput = input;
        final ChoiceCondition[] conditions = table.conditions();
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].test(frame)) {
                effects(table.assigns()[i], table.outputs()[i], frame, input);
                return table.nextStates()[i];
            }
        }
        if (table.defaultState() < 0) {
            throw new ExecutionFailure(StatesErrors.NO_CHOICE_MATCHED, "No Matches!");
        }
        effects(table.defaultAssign(), table.defaultOutput(), frame, input);
        return table.defaultState();
    }

    private static void effects(AssignSpec assign, JsonataField output, Frame frame, JsonNode input) {
        if (assign != null) {
            Assignments.evaluate(assign, frame);
        }
        if (output != null) {
            frame.value = output.evaluate(frame);
            frame.valueBytes = DataLimit.measure(frame.value);
        }
        frame.scopeInput = input;
    }
}
