/**
 * Code behind Task states. A {@link io.quickstep.task.TaskHandler} answers on the calling thread
 * (on an engine, the shard's: keep it quick), an {@link io.quickstep.task.AsyncTaskHandler} with a
 * {@link java.util.concurrent.CompletionStage}, a {@link io.quickstep.task.BlockingTaskHandler} on a
 * bounded pool of its own. {@link io.quickstep.task.TaskHandlers} routes each call by the state's
 * Resource (or the Lambda function it names) to a registered handler.
 */
package io.quickstep.task;
