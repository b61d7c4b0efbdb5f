package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Code behind a Task state's resource. It returns the task result, or throws: an
 * {@link io.quickstep.error.ExecutionFailure} fails the task with its error and cause; any other
 * exception fails it with the exception's simple class name as error, as AWS Lambda reports a
 * function's exception, and as cause the JSON Lambda writes for the error when the resource is a
 * Lambda function, else the exception's message ({@link TaskHandlers#failure}); a
 * {@link TaskTimeoutException} makes the attempt fail with {@code States.Timeout} as if it ran past
 * the state's timeout.
 *
 * <p>What a handler gets and what its result becomes depends on how it is reached. The engine calls
 * the handler given to it ({@code ExecutionOptions.tasks}, {@code Engine.Context.tasks}) with the
 * state's request as it is ({@link TaskRequest}: the effective input) and takes its result as the
 * task result, whatever the resource: such a handler is the whole integration. A
 * {@link TaskHandlers} registry routes to the handlers registered in it and, for a Lambda function
 * called through {@code arn:aws:states:::lambda:invoke}, gives the function's handler only the
 * {@code Payload} and the workflow the Invoke response around its result, as AWS does; see
 * {@link TaskHandlers}.
 */
@FunctionalInterface
public interface TaskHandler {
    JsonNode invoke(TaskRequest request) throws Exception;

    /**
     * The handler that serves {@code request}: this one, unless this is a router such as
     * {@link TaskHandlers}. The engine resolves first, then calls the result, so that an
     * {@link AsyncTaskHandler} behind a router is called asynchronously.
     */
    default TaskHandler resolve(TaskRequest request) throws Exception {
        return this;
    }
}
