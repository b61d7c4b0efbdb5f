package io.quickstep.runtime;

import io.quickstep.compiler.Program;
import io.quickstep.compiler.StateInfo;

/** Names every state of a machine for its transitions metric: {@code Parent/Branch/State} for nested ones. */
final class StatePaths {
    private StatePaths() {
    }

    /** Each state's path, indexed by its transition counter. */
    static String[] of(Program program) {
        String[] paths = new String[count(program)];
        collect(program, "", paths);
        return paths;
    }

    private static int count(Program program) {
        int highest = -1;
        for (StateInfo state : program.states()) {
            highest = Math.max(highest, state.counter());
            for (Program child : state.children()) {
                highest = Math.max(highest, count(child) - 1);
            }
        }
        return highest + 1;
    }

    private static void collect(Program program, String prefix, String[] paths) {
        for (StateInfo state : program.states()) {
            paths[state.counter()] = prefix + state.name();
            Program[] children = state.children();
            for (int i = 0; i < children.length; i++) {
                collect(children[i], prefix + state.name() + "/" + i + "/", paths);
            }
        }
    }

    /** The state with this counter, or null. */
    static StateInfo state(Program program, int counter) {
        for (StateInfo state : program.states()) {
            if (state.counter() == counter) {
                return state;
            }
            for (Program child : state.children()) {
                StateInfo found = state(child, counter);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
