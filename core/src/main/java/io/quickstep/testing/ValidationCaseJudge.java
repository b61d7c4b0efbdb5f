package io.quickstep.testing;

import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.Diagnostic;
import io.quickstep.asl.validation.DefinitionValidator;
import io.quickstep.events.LoggingConfigurationException;

import java.util.List;

/**
 * Runs a validation case: the validator's diagnostics for {@code expected.validate}, creating the
 * machine for {@code expected.create}, with the case's {@code logging_configuration} when it has one
 * (AWS refuses a bad one with InvalidLoggingConfiguration).
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
            // create() takes no type: the engine runs Express workflows only and validates as EXPRESS,
            // letting them use .waitForTaskToken; AWS's answer for EXPRESS refuses that first.
            List<Diagnostic> awsErrors = DefinitionValidator.validate(testCase.definitionText(), "EXPRESS")
                    .stream().filter(Diagnostic::isError).toList();
            ValidationMatcher.DefinitionRefusal refusal = awsErrors.isEmpty() ? create(testCase)
                    : ValidationMatcher.DefinitionRefusal.of(awsErrors);
            return ValidationMatcher.diffCreate(testCase.expected().get("create"), refusal, testCase.ignore());
        }
        return null;
    }

    /** Creates the case's machine, with its logging configuration: its refusal, or null. */
    private static ValidationMatcher.DefinitionRefusal create(TestCase testCase) {
        try {
            StateMachine.create(testCase.machineName(), testCase.definitionText(),
                    testCase.file().get("logging_configuration"));
            return null;
        } catch (DefinitionException e) {
            return ValidationMatcher.DefinitionRefusal.of(e.diagnostics());
        } catch (LoggingConfigurationException e) {
            return new ValidationMatcher.DefinitionRefusal(e.error(), e.getMessage());
        }
    }
}
