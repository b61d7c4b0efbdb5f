package io.quickstep.testing;

import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.validation.DefinitionValidator;

/**
 * Runs a validation case: the validator's diagnostics for {@code expected.validate}, creating the
 * machine for {@code expected.create}.
 */
final class ValidationCaseJudge {
    private ValidationCaseJudge() {
    }

    static String judge(TestCase testCase) {
        if (testCase.expected().has("validate")) {
            String difference = ValidationMatcher.diffValidate(testCase.expected().get("validate"),
                    DefinitionValidator.validate(testCase.definitionText(), testCase.type()), testCase.ignore());
            if (difference != null) {
                return difference;
            }
        }
        if (testCase.expected().has("create")) {
            // create() takes no type: the engine runs Express workflows only and validates as EXPRESS.
            ValidationMatcher.DefinitionRefusal refusal = null;
            try {
                StateMachine.create(testCase.machineName(), testCase.definitionText());
            } catch (DefinitionException e) {
                refusal = ValidationMatcher.DefinitionRefusal.of(e.diagnostics());
            }
            return ValidationMatcher.diffCreate(testCase.expected().get("create"), refusal, testCase.ignore());
        }
        return null;
    }
}
