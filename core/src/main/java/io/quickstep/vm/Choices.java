package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.compiler.ChoiceTable;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;

/** Choice states: the first rule that holds picks the next state, else Default. */
final class Choices {
    private Choices() {
    }

    /** The index of the state to go to. */
    static int choose(ChoiceTable table, Frame frame, JsonNode input) {
        frame.scopeInput = input;
        final io.quickstep.compiler.ChoiceCondition[] conditions = table.conditions();
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].test(frame)) {
                return table.nextStates()[i];
            }
        }
        if (table.defaultState() < 0) {
            throw new ExecutionFailure(StatesErrors.NO_CHOICE_MATCHED, "No Matches!");
        }
        return table.defaultState();
    }
}
