package io.quickstep.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.task.AsyncTaskHandler;
import io.quickstep.task.TaskHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Misbehaving handlers for a soak run: a share of {@code charge} calls throw (a RuntimeException or,
 * every other time, an AssertionError, which once ended a shard), and a share of {@code reserve}
 * calls answer asynchronously after a delay. The engine must keep its books through all of it.
 *
 * @param failingPercent share of charge calls that throw, 0..100
 * @param slowPercent    share of reserve calls answered late, 0..100
 * @param slowMillis     how late
 */
record Faults(double failingPercent, double slowPercent, int slowMillis) {
    static final Faults NONE = new Faults(0, 0, 0);

    boolean any() {
        return failingPercent > 0 || slowPercent > 0;
    }

    /** The charge handler, throwing for a share of its calls. */
    TaskHandler failing(TaskHandler charge) {
        if (failingPercent <= 0) {
            return charge;
        }
        return request -> {
            double draw = ThreadLocalRandom.current().nextDouble(100);
            if (draw < failingPercent / 2) {
                throw new IllegalStateException("soak: a handler failure");
            }
            if (draw < failingPercent) {
                throw new AssertionError("soak: a handler Error");
            }
            return charge.invoke(request);
        };
    }

    /** The reserve handler, answering a share of its calls late, on another thread. */
    TaskHandler slow(TaskHandler reserve) {
        if (slowPercent <= 0) {
            return reserve;
        }
        Executor late = CompletableFuture.delayedExecutor(slowMillis, TimeUnit.MILLISECONDS);
        return (AsyncTaskHandler) request -> {
            JsonNode result;
            try {
                result = reserve.invoke(request);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            if (ThreadLocalRandom.current().nextDouble(100) < slowPercent) {
                return CompletableFuture.supplyAsync(() -> result, late);
            }
            return CompletableFuture.completedFuture(result);
        };
    }
}
