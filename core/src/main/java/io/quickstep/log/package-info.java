/**
 * Execution logs: when an execution of a state machine whose logging level is not OFF ends, its
 * shard offers the whole record ({@link io.quickstep.log.ExecutionLog}) to a bounded ring and never
 * waits; a shipper agent on its own thread drains the ring in batches into the
 * {@link io.quickstep.log.LogSink}s: rolling JSON-lines files ({@link io.quickstep.log.RollingFileLogSink}),
 * standard output ({@link io.quickstep.log.StdoutLogSink}), or users' own. The records are the
 * CloudWatch Logs records AWS writes for the machine's logging configuration, made as text on the
 * shipper's thread. Configure the sinks with {@code Engine.Context}; read the figures in
 * {@link io.quickstep.metrics.LogMetrics}.
 */
package io.quickstep.log;
