package io.quickstep.asl.validation;

import io.quickstep.asl.Diagnostic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one validation run knows about the whole machine, and the diagnostics it has found. */
final class Context {
    final boolean express;
    /** Whether an Express machine may use .waitForTaskToken (Quickstep's choice; AWS's answer refuses it). */
    final boolean expressCallbacks;
    /** The top-level language; every state that sets none inherits it, at any depth. */
    final QueryLanguage machineLanguage;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** State names seen so far anywhere in the machine: AWS requires them to be unique machine-wide. */
    private final Set<String> stateNames = new HashSet<>();

    Context(boolean express, boolean expressCallbacks, QueryLanguage machineLanguage) {
        this.express = express;
        this.expressCallbacks = expressCallbacks;
        this.machineLanguage = machineLanguage;
    }

    void schema(String message, Location at) {
        error(Messages.SCHEMA, message, at);
    }

    void warning(String code, String message, Location at) {
        diagnostics.add(new Diagnostic(Diagnostic.WARNING, code, message, at == null ? null : at.toString()));
    }

    void error(String code, String message, Location at) {
        diagnostics.add(Diagnostic.error(code, message, at == null ? null : at.toString()));
    }

    /** Records a state name; false when another state already has it. */
    boolean claimName(String name) {
        return stateNames.add(name);
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
