package io.quickstep.asl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition that failed validation; it carries every diagnostic found (what AWS's
 * ValidateStateMachineDefinition would report, each with its JSON Pointer). Unchecked: a caller
 * that compiles a shipped definition cannot recover from it, and one that takes definitions from
 * users catches it and shows {@link #diagnostics()}.
 */
public final class DefinitionException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public DefinitionException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; ")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
