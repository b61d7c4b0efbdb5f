package io.quickstep.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DeadlineListTest {

    private static RunningExecution execution() {
        return new RunningExecution(null, null, 0, null, null);
    }

    @Test
    void shouldKeepStartOrderAndUnlinkFromAnywhere() {
        DeadlineList list = new DeadlineList();
        RunningExecution a = execution();
        RunningExecution b = execution();
        RunningExecution c = execution();
        list.add(a);
        list.add(b);
        list.add(c);
        assertSame(a, list.first());
        list.remove(b);
        list.remove(a);
        assertSame(c, list.first());
        list.remove(c);
        assertNull(list.first());
        list.add(b);
        assertSame(b, list.first());
    }

    @Test
    void shouldIgnoreRemovingAnExecutionItDoesNotHold() {
        DeadlineList list = new DeadlineList();
        DeadlineList other = new DeadlineList();
        RunningExecution a = execution();
        other.add(a);
        list.remove(a);
        assertSame(a, other.first());
    }
}
