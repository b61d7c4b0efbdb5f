package io.quickstep.task;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertSame;

class TaskHandlersTest {
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:work";

    private static TaskRequest request() {
        return new TaskRequest("T", FUNCTION, JsonNodeFactory.instance.objectNode(), null);
    }

    /**
     * A lookup racing a registration once put the old handler back into the cache the registration
     * had just cleared, where it stayed. Now each lookup sees the registrations before or after a
     * register, and a register that has returned is seen by every lookup after it.
     */
    @Test
    void aRegistrationIsNeverUndoneByALookupRacingIt() throws Exception {
        TaskHandler first = request -> null;
        TaskHandler second = request -> null;
        for (int round = 0; round < 5_000; round++) {
            TaskHandlers handlers = new TaskHandlers().register("work", first);
            AtomicBoolean racing = new AtomicBoolean(true);
            Thread resolver = new Thread(() -> {
                while (racing.get()) {
                    handlers.resolve(request());
                }
            });
            resolver.start();
            handlers.register("work", second);
            assertSame(second, handlers.resolve(request()));
            racing.set(false);
            resolver.join();
            assertSame(second, handlers.resolve(request()), "round " + round);
        }
    }

    @Test
    void aBlockingRegistrationIsMarkedAndNamedAfterItsHandler() {
        TaskHandler plain = request -> null;
        TaskHandler resolved = new TaskHandlers().registerBlocking("work", plain).resolve(request());
        assertSame(BlockingTaskHandler.Blocking.class, resolved.getClass());
        org.junit.jupiter.api.Assertions.assertTrue(TaskHandlers.describe(resolved).startsWith("a lambda in "
                + TaskHandlersTest.class.getName()), TaskHandlers.describe(resolved));
    }
}
