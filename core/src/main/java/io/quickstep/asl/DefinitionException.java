package io.quickstep.asl;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that failed validation; it carries every diagnostic found. */
public final class DefinitionException extends Exception {
    private final List<Diagnostic> diagnostics;

    public DefinitionException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; ")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
