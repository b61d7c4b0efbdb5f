package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskRequest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where {@link io.quickstep.task.BlockingTaskHandler}s run: a bounded pool (at most
 * {@code maxConcurrent} calls at once, at most {@code maxWaiting} more queued), on virtual threads
 * where the JDK has them (21 and later) and on daemon platform threads otherwise. A call's future,
 * cancelled when the state's time limit passes or its execution ends, interrupts the call. A call
 * that finds the pool full fails its task at once with {@code States.TaskFailed} (a Retry can
 * take it up); the driving thread never waits for room.
 */
public final class BlockingCalls implements AutoCloseable {
    private static final ThreadFactory VIRTUAL = virtualThreadFactory();

    private final ThreadPoolExecutor pool;
    private final int maxConcurrent;
    private final int maxWaiting;

    public BlockingCalls(int maxConcurrent, int maxWaiting, String threadName) {
        if (maxConcurrent < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("blocking calls need maxConcurrent >= 1 and maxWaiting >= 0");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxWaiting = maxWaiting;
        this.pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, maxWaiting)), threads(threadName));
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * The pool of executions run on the caller's thread ({@code StateMachine.execute}), made on
     * first use: 64 calls at once, 1,024 waiting.
     */
    static BlockingCalls shared() {
        return Shared.CALLS;
    }

    /** Holds the shared pool; the JVM makes it when {@link #shared()} first reads it. */
    private static final class Shared {
        static final BlockingCalls CALLS = new BlockingCalls(64, 1024, "quickstep-blocking");
    }

    /** Whether this JDK runs blocking calls on virtual threads. */
    public static boolean virtualThreads() {
        return VIRTUAL != null;
    }

    /** Runs the handler on the pool; the future completes with its result or what it threw. */
    CompletableFuture<JsonNode> submit(TaskHandler handler, TaskRequest request) {
        Call call = new Call(handler, request);
        try {
            pool.execute(call.task);
        } catch (RejectedExecutionException full) {
            call.completeExceptionally(new ExecutionFailure(StatesErrors.TASK_FAILED,
                    "Too many blocking task calls: " + maxConcurrent + " running and " + maxWaiting
                            + " waiting, the engine's limit"));
        }
        return call;
    }

    /** Stops taking calls and interrupts those running. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A call's future: cancelling it interrupts the handler if it is running. */
    private static final class Call extends CompletableFuture<JsonNode> {
        final FutureTask<Void> task;

        Call(TaskHandler handler, TaskRequest request) {
            this.task = new FutureTask<>(() -> {
                try {
                    complete(handler.invoke(request));
                } catch (Throwable t) {
                    completeExceptionally(t);
                }
                return null;
            });
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            task.cancel(true);
            return cancelled;
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = VIRTUAL != null ? VIRTUAL.newThread(runnable) : new Thread(runnable);
            thread.setName(name + "-" + count.incrementAndGet());
            if (!thread.isDaemon()) {
                thread.setDaemon(true);
            }
            return thread;
        };
    }

    /** {@code Thread.ofVirtual().factory()} on JDK 21+, looked up so that this compiles for 17; else null. */
    private static ThreadFactory virtualThreadFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(ofVirtual.invoke());
        } catch (Throwable absent) {
            return null;
        }
    }
}
