package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.path.PathScope;

/** A compiled intrinsic function call, such as {@code States.Format('{}', $.name)}. */
public interface Intrinsic {

    /**
     * Evaluates the call against the scope's input, context object and variables.
     *
     * @throws io.quickstep.error.ExecutionFailure {@code States.Runtime} with AWS's cause text, e.g.
     *     {@code The function 'States.MathAdd($.a, 1)' had the following error: Invalid arguments in
     *     States.MathAdd}; the caller prefixes the state's "An error occurred while executing ..." part
     */
    JsonNode evaluate(PathScope scope);

    /** Whether one of the call's path arguments, at any depth, reads the context object ({@code $$...}). */
    boolean readsContext();
}
