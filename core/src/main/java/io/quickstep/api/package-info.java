/**
 * The embedding API: {@link io.quickstep.api.StateMachine} validates and compiles a definition and
 * runs one execution on the calling thread; {@link io.quickstep.api.Engine} runs many at once on its
 * shards and answers each start at once with a {@link io.quickstep.api.StartResult}.
 * {@link io.quickstep.api.ExecutionOptions} says how one execution runs (task handlers, clock,
 * name, account). Task handlers are in {@code io.quickstep.task}, results in
 * {@code io.quickstep.execution}, metrics in {@code io.quickstep.metrics}.
 */
package io.quickstep.api;
