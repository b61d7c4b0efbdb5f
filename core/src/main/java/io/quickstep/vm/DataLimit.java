package io.quickstep.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.error.StatesErrors;
import io.quickstep.json.JsonSize;

/**
 * AWS's payload limit: 256 KiB of UTF-8 JSON for an execution input, a task result or a state's
 * output. The VM carries an upper bound of each value's size beside it (see {@link Interpreter}) and
 * measures a value only when that bound passes the limit, so ordinary payloads are never walked.
 */
public final class DataLimit {
    public static final int MAX_BYTES = 256 * 1024;

    private DataLimit() {
    }

    /**
     * The exact size of a value, or a number above the limit once it is known to exceed it. A value
     * nested deeper than {@link io.quickstep.json.Json#MAX_NESTING_DEPTH} is over the limit too: as
     * text it would not be read at all (AWS's parser, like this engine's, refuses such JSON), so an
     * execution input built that deep in code fails with States.DataLimitExceeded instead of
     * exhausting the stack of whatever walks it later.
     */
    public static long measure(JsonNode value) {
        return JsonSize.of(value, MAX_BYTES);
    }

    /**
     * A state's output leaves it: fails with States.DataLimitExceeded if it is too large.
     *
     * @param bound an upper bound of the output's size
     * @return a tighter bound: the exact size when it had to be measured
     */
    static long checkOutput(JsonNode output, long bound, String stateName) {
        if (bound <= MAX_BYTES) {
            return bound;
        }
        long size = measure(output);
        if (size > MAX_BYTES) {
            throw exceeded(stateName);
        }
        return size;
    }

    static ExecutionFailure exceeded(String stateOrTask) {
        return new ExecutionFailure(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + stateOrTask
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }
}
