package io.quickstep.runtime;

/**
 * The executions running on one shard, linked through them: adding and removing are O(1) and
 * allocate nothing. Finding one by ARN walks the list, comparing only ARNs already made: an
 * execution whose ARN nobody has asked for cannot be named by a stop request, and most executions
 * never make theirs. Stops are rare; starts and ends happen on every execution.
 */
final class RunningList {
    private RunningExecution first;

    void add(RunningExecution r) {
        r.previous = null;
        r.next = first;
        if (first != null) {
            first.previous = r;
        }
        first = r;
        r.listed = true;
    }

    /** Removes {@code r}; false when it was not in the list (it ended already). */
    boolean remove(RunningExecution r) {
        if (!r.listed) {
            return false;
        }
        if (r.previous == null) {
            first = r.next;
        } else {
            r.previous.next = r.next;
        }
        if (r.next != null) {
            r.next.previous = r.previous;
        }
        r.previous = null;
        r.next = null;
        r.listed = false;
        return true;
    }

    /** Any running execution, or null when none runs. */
    RunningExecution first() {
        return first;
    }

    /** The running execution with this ARN, or null. */
    RunningExecution find(String executionArn) {
        for (RunningExecution r = first; r != null; r = r.next) {
            if (executionArn.equals(r.knownArn())) {
                return r;
            }
        }
        return null;
    }
}
