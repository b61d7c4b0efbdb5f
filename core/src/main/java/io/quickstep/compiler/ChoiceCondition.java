package io.quickstep.compiler;

import io.quickstep.path.PathScope;

/** A compiled Choice rule's condition. */
public interface ChoiceCondition {
    boolean test(PathScope scope);

    static ChoiceCondition and(ChoiceCondition[] operands) {
        return scope -> {
            for (ChoiceCondition operand : operands) {
                if (!operand.test(scope)) {
                    return false;
                }
            }
            return true;
        };
    }

    static ChoiceCondition or(ChoiceCondition[] operands) {
        return scope -> {
            for (ChoiceCondition operand : operands) {
                if (operand.test(scope)) {
                    return true;
                }
            }
            return false;
        };
    }

    static ChoiceCondition not(ChoiceCondition operand) {
        return scope -> !operand.test(scope);
    }
}
