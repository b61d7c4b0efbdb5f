package io.quickstep.compiler;

/**
 * A Choice state's rules in order, the state each leads to, and what each assigns and outputs.
 *
 * @param nextStates    state index per rule
 * @param assigns       per rule, its Assign or null
 * @param outputs       per rule, its JSONata Output or null
 * @param defaultState  the Default state's index, or -1 when there is none
 * @param defaultAssign the state's own Assign, applied when Default is taken, or null
 * @param defaultOutput the state's own JSONata Output, used when Default is taken, or null
 */
public record ChoiceTable(ChoiceCondition[] conditions, int[] nextStates, AssignSpec[] assigns,
                          JsonataField[] outputs, int defaultState, AssignSpec defaultAssign,
                          JsonataField defaultOutput) {
}
