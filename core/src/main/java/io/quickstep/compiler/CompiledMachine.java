package io.quickstep.compiler;

/**
 * A state machine as the runtime runs it: its name, its compiled program and its execution time
 * limit (the definition's TimeoutSeconds, at most the Express five minutes). One per state machine,
 * made when it is created, and shared by all its executions.
 */
public record CompiledMachine(String name, Program program, long timeoutMillis) {
}
