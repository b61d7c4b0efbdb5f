package io.quickstep.runtime;

/**
 * The executions of one shard that share a time limit, in start order, which is also deadline
 * order: the first one is always the next to time out. Linked through the executions themselves,
 * so adding, removing (when an execution ends) and checking the first are O(1) and allocate
 * nothing. This keeps the one timer every execution has off the timer wheel, whose slots would
 * otherwise fill with every burst of starts in the same millisecond.
 */
final class DeadlineList {
    private RunningExecution first;
    private RunningExecution last;

    void add(RunningExecution execution) {
        execution.deadlinePrevious = last;
        execution.deadlineNext = null;
        if (last == null) {
            first = execution;
        } else {
            last.deadlineNext = execution;
        }
        last = execution;
        execution.deadlines = this;
    }

    void remove(RunningExecution execution) {
        if (execution.deadlines != this) {
            return;
        }
        RunningExecution previous = execution.deadlinePrevious;
        RunningExecution next = execution.deadlineNext;
        if (previous == null) {
            first = next;
        } else {
            previous.deadlineNext = next;
        }
        if (next == null) {
            last = previous;
        } else {
            next.deadlinePrevious = previous;
        }
        execution.deadlinePrevious = null;
        execution.deadlineNext = null;
        execution.deadlines = null;
    }

    /** The execution that times out next, or null. */
    RunningExecution first() {
        return first;
    }
}
