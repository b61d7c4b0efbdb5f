package io.quickstep.cli;

import io.quickstep.api.StateMachine;
import io.quickstep.asl.DefinitionException;
import io.quickstep.asl.Diagnostic;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads definition files and creates their state machines. */
final class Definitions {
    private static final int MAX_NAME = 80;

    private Definitions() {
    }

    /** The machine for the definition read from {@code file}; an invalid definition is bad input. */
    static StateMachine create(Path file, String text) throws BadInputException {
        try {
            return StateMachine.create(machineName(file), text);
        } catch (DefinitionException e) {
            throw invalid(file.toString(), e);
        }
    }

    /** A definition's errors, one line: {@code FILE: invalid definition: CODE: message at /pointer; ...}. */
    static BadInputException invalid(String source, DefinitionException e) {
        return new BadInputException(source + ": invalid definition: " + e.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(d -> d.toString().replaceAll("\\s+", " "))
                .collect(Collectors.joining("; ")));
    }

    /** The file name without {@code .json} and {@code .asl}, in the characters AWS allows in a name. */
    static String machineName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "").replaceFirst("\\.asl$", "")
                .replaceAll("[^A-Za-z0-9_-]+", "_");
        name = name.substring(0, Math.min(MAX_NAME, name.length()));
        return name.isEmpty() ? "workflow" : name;
    }
}
