package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Code behind a Task state's resource. It returns the task result, or throws: an
 * {@link io.quickstep.error.ExecutionFailure} fails the task with its error and cause; any other
 * exception fails it with the exception's simple class name as error and its message as cause,
 * as AWS Lambda reports a function's exception; a {@link TaskTimeoutException} makes the attempt
 * fail with {@code States.Timeout} as if it ran past the state's timeout.
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
