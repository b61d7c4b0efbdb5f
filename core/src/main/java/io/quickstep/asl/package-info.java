/**
 * Definitions as users write them: {@link io.quickstep.asl.DefinitionException} and its
 * {@link io.quickstep.asl.Diagnostic}s (code, JSON Pointer, message, as AWS's
 * ValidateStateMachineDefinition reports them). The model ({@code asl.model}) and the validator
 * ({@code asl.validation}) are internal.
 */
package io.quickstep.asl;
