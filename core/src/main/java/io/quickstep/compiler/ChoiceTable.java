package io.quickstep.compiler;

/**
 * A Choice state's rules in order and the state each leads to.
 *
 * @param nextStates   state index per rule
 * @param defaultState the Default state's index, or -1 when there is none
 */
public record ChoiceTable(ChoiceCondition[] conditions, int[] nextStates, int defaultState) {
}
