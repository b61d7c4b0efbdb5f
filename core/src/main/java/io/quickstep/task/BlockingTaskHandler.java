package io.quickstep.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A handler that may block: a JDBC call, a blocking HTTP client, a sleep. The engine never runs it
 * on a shard's thread, where it would stop every other execution of the shard, but on a bounded
 * pool of threads (virtual threads where the JDK has them); the state's TimeoutSeconds still
 * holds, and a call that runs past it is interrupted. Register one with
 * {@link TaskHandlers#registerBlocking}, or implement this interface.
 */
@FunctionalInterface
public interface BlockingTaskHandler extends TaskHandler {
    /** The same handler, marked as blocking. */
    static BlockingTaskHandler of(TaskHandler handler) {
        return handler instanceof BlockingTaskHandler ? (BlockingTaskHandler) handler : new Blocking(handler);
    }

    @Override
    JsonNode invoke(TaskRequest request) throws Exception;

    /** A handler that was not written as a {@link BlockingTaskHandler}, marked as one. */
    record Blocking(TaskHandler handler) implements BlockingTaskHandler {
        @Override
        public JsonNode invoke(TaskRequest request) throws Exception {
            return handler.invoke(request);
        }

        @Override
        public String toString() {
            return TaskHandlers.describe(handler);
        }
    }
}
