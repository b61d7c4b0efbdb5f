package io.quickstep.cli;

/**
 * Input the command cannot work with: a missing file, malformed JSON, an invalid definition. The
 * CLI prints its message as one line on stderr and exits with {@link QuickstepCli#EXIT_BAD_INPUT}.
 */
final class BadInputException extends Exception {
    BadInputException(String message) {
        super(message, null, false, false);
    }
}
