package io.quickstep.compiler;

import io.quickstep.asl.model.State;

/**
 * What the VM knows about one state beyond its instructions.
 *
 * @param index    position in the program's state table
 * @param state    the state as defined
 * @param entryPc  pc of the state's ENTER
 * @param bodyPc   pc of the instruction after ENTER: where a retry starts over
 * @param retry    compiled Retry rules
 * @param catchers compiled Catch rules
 * @param task     compiled task limits, for Task states, else null
 * @param children branch programs (Parallel), the item processor (Map, one element), else empty
 * @param map      compiled Map settings, for Map states, else null
 * @param counter  the state's place among all states of the machine, its branches and item
 *                 processors included: where its transitions are counted ({@code Frame.enter})
 */
public record StateInfo(int index, State state, int entryPc, int bodyPc, RetryPolicy[] retry,
                        CatchPolicy[] catchers, TaskSpec task, Program[] children, MapSpec map, int counter) {

    public String name() {
        return state.name();
    }

    public String type() {
        return state.type();
    }
}
