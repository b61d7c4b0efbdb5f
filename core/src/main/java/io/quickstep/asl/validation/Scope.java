package io.quickstep.asl.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The states of one States block (the top level, a Parallel branch, a Map's ItemProcessor) and the
 * transitions among them. Transitions only ever name states of the same block.
 */
final class Scope {
    private record Transition(String from, String target, Location at) {
    }

    final Context ctx;
    private final Map<String, Location> states = new LinkedHashMap<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final Set<String> terminals = new HashSet<>();

    Scope(Context ctx) {
        this.ctx = ctx;
    }

    void state(String name, Location at) {
        states.put(name, at);
    }

    /** A Next, Default, Choice rule Next or Catch Next of state {@code from}, found at {@code at}. */
    void transition(String from, String target, Location at) {
        transitions.add(new Transition(from, target, at));
    }

    /** A state that can end the execution of this block: Succeed, Fail, or End true. */
    void terminal(String name) {
        terminals.add(name);
    }

    /**
     * Reports transitions to states that do not exist and, from {@code startAt}, states that
     * cannot be reached. At the top level a block without any terminal state is reported instead of
     * its unreachable states, as AWS does.
     */
    void checkGraph(String startAt, Location startAtAt, boolean topLevel) {
        for (Transition t : transitions) {
            if (!states.containsKey(t.target())) {
                ctx.error(Messages.MISSING_TARGET, Messages.missingTarget(t.target()), t.at());
            }
        }
        if (!states.containsKey(startAt)) {
            ctx.error(Messages.MISSING_TARGET, Messages.missingTarget(startAt), startAtAt);
        }
        if (topLevel && terminals.isEmpty()) {
            ctx.error(Messages.MISSING_END, Messages.NO_TERMINAL_STATE, null);
            return;
        }
        Set<String> reached = reachable(startAt);
        states.forEach((name, at) -> {
            if (!reached.contains(name)) {
                ctx.error(Messages.MISSING_TARGET, Messages.unreachable(name), at);
            }
        });
    }

    private Set<String> reachable(String startAt) {
        Map<String, List<String>> next = new HashMap<>();
        for (Transition t : transitions) {
            next.computeIfAbsent(t.from(), from -> new ArrayList<>()).add(t.target());
        }
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        if (states.containsKey(startAt)) {
            reached.add(startAt);
            pending.add(startAt);
        }
        while (!pending.isEmpty()) {
            for (String target : next.getOrDefault(pending.poll(), List.of())) {
                if (states.containsKey(target) && reached.add(target)) {
                    pending.add(target);
                }
            }
        }
        return reached;
    }
}
