package io.quickstep.task;

/**
 * The {@link java.util.ServiceLoader} SPI through which a jar brings task handlers to a served
 * engine ({@code ./quickstep serve --handlers DIR} loads every jar in DIR). A minimal handler jar
 * holds one class and one service file:
 *
 * <pre>{@code
 * // com/example/Handlers.java
 * public final class Handlers implements io.quickstep.task.TaskHandlerProvider {
 *     public void register(io.quickstep.task.TaskHandlers handlers) {
 *         handlers.register("charge", request -> request.input());   // Lambda function "charge"
 *     }
 * }
 *
 * // META-INF/services/io.quickstep.task.TaskHandlerProvider
 * com.example.Handlers
 * }</pre>
 *
 * compiled against quickstep-core and packed with {@code jar cf handlers.jar com META-INF}. The
 * class needs a public no-argument constructor; what it registers is resolved as
 * {@link TaskHandlers} says (function names, resource ARNs).
 */
public interface TaskHandlerProvider {
    /** Registers this jar's handlers; called once, before the server takes requests. */
    void register(TaskHandlers handlers);
}
