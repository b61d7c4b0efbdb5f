/**
 * What an execution is and how it ended: {@link io.quickstep.execution.ExecutionResult} (status,
 * output or error and cause, times), {@link io.quickstep.execution.ExecutionStatus},
 * {@link io.quickstep.execution.ExecutionListener} for callers that start many executions, the
 * {@link io.quickstep.execution.Clock} executions read and the {@link io.quickstep.execution.Account}
 * their ARNs name.
 */
package io.quickstep.execution;
