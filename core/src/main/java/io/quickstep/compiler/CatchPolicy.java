package io.quickstep.compiler;

import io.quickstep.path.JsonPath;

/**
 * One compiled Catch rule.
 *
 * @param resultPath where the error output goes in the state input; null: the error output replaces
 *                   nothing and the state input passes on (ResultPath null)
 * @param nextState  index of the state to go to
 */
public record CatchPolicy(String[] errorEquals, JsonPath resultPath, int nextState) {
}
