package io.quickstep.compiler;

import io.quickstep.asl.Diagnostic;

/** A definition that passed validation but uses something this engine cannot run. */
public final class CompileException extends Exception {
    private final transient Diagnostic diagnostic;

    public CompileException(Diagnostic diagnostic) {
        super(diagnostic.toString(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
