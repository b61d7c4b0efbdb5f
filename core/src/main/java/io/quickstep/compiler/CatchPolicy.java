package io.quickstep.compiler;

import io.quickstep.path.JsonPath;

/**
 * One compiled Catch rule.
 *
 * @param resultPath where the error output goes in the state input (JSONPath); null: the state input
 *                   passes on (ResultPath null), or, in a JSONata state, the Output decides
 * @param jsonata    whether the state is a JSONata state: its output is {@code output}, by default
 *                   the error output
 * @param output     the JSONata Output, or null
 * @param assign     the rule's Assign, or null
 * @param nextState  index of the state to go to
 */
public record CatchPolicy(String[] errorEquals, JsonPath resultPath, boolean jsonata, JsonataField output,
                          AssignSpec assign, int nextState) {
}
