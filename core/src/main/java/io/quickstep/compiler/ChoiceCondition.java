package io.quickstep.compiler;

/** A compiled Choice rule's condition. */
public interface ChoiceCondition {
    boolean test(EvaluationScope scope);

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
