/**
 * Task and execution errors as ASL names them: throw {@link io.quickstep.error.ExecutionFailure}
 * from a handler to fail its task with an error and cause of your choice;
 * {@link io.quickstep.error.StatesErrors} holds the predefined {@code States.*} names.
 */
package io.quickstep.error;
