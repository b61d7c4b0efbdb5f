/**
 * One model of an execution's events, as AWS's GetExecutionHistory gives them and CloudWatch Logs
 * carries them: {@link io.quickstep.events.EventType} (the type and its details object),
 * {@link io.quickstep.events.HistoryEvent} (one event as read) and
 * {@link io.quickstep.events.EventBuffer}, into which the VM records each event where it happens,
 * on the thread driving the execution, without locks and without building JSON: the details are
 * put together only when the events are read.
 */
package io.quickstep.events;
