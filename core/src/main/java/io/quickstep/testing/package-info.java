/**
 * Test cases for workflows: the conformance corpus format (a definition, its input, mocks per Task
 * state, the expected result) as {@code quickstep test} reads it. {@link io.quickstep.testing.CaseFiles}
 * loads them, {@link io.quickstep.testing.CaseRunner} runs them, {@link io.quickstep.testing.Mocks}
 * answers Task states from a mocks file.
 */
package io.quickstep.testing;
