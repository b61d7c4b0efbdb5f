package io.quickstep.compiler;

/**
 * A compiled state machine, Parallel branch or Map item processor: instructions, the constants they
 * index (paths, payload templates, choice tables, wait and fail specs), and the state table. Child
 * programs hang off the state table entries of Parallel and Map states. Immutable and shared by every
 * execution.
 *
 * @param code      the instructions, see {@link Instruction}
 * @param constants the constant pool
 * @param states    one entry per state, in definition order
 * @param startPc   where the StartAt state's ENTER is
 * @param usesContext whether a path, intrinsic call or JSONata expression of this program or its
 *                    children reads the context object: only then do executions note when each
 *                    state was entered and hand the context object to task handlers
 */
public record Program(int[] code, Object[] constants, StateInfo[] states, int startPc, boolean usesContext) {
}
