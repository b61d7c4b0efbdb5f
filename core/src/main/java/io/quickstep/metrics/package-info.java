/**
 * What an engine has done: {@link io.quickstep.metrics.StateMachineMetrics} per state machine
 * (executions by outcome, latency, transitions by state), {@link io.quickstep.metrics.EngineMetrics}
 * over all of them, and {@link io.quickstep.metrics.EngineErrors}, the handler errors and engine
 * faults counted by kind with the first of each kept; {@link io.quickstep.metrics.CostEstimate}, what the
 * executions would cost on AWS at the list prices of {@link io.quickstep.metrics.AwsPrices}.
 */
package io.quickstep.metrics;
