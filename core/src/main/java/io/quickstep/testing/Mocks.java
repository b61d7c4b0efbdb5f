package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.error.ExecutionFailure;
import io.quickstep.task.TaskHandler;
import io.quickstep.task.TaskRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link TaskHandler} that answers Task states from recorded answers instead of calling their
 * resources: the n-th invocation of a state (retries and re-entries included) gets the n-th answer
 * of that state's list. One instance serves one execution; Map iterations and Parallel branches
 * may call it from several threads.
 *
 * <p>Before a run, {@link #misnamed} finds the entries that can never be used, naming no Task
 * state of the definition. An invocation with no answer left fails the task with error
 * {@value #EXHAUSTED} and is remembered: {@link #overrun()} reports it, {@link #unused()} the
 * answers never asked for.
 */
public final class Mocks implements TaskHandler {
    /** The error a Task state fails with when its list of answers has run out. */
    public static final String EXHAUSTED = "Quickstep.MocksExhausted";
    private static final String TASK = "Task";

    private final Map<String, List<MockAnswer>> answers;
    private final Map<String, Integer> calls = new HashMap<>();
    private String firstOverrun;

    public Mocks(Map<String, List<MockAnswer>> answers) {
        this.answers = Map.copyOf(answers);
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        String state = request.stateName();
        List<MockAnswer> list = answers.getOrDefault(state, List.of());
        int call;
        synchronized (this) {
            call = calls.merge(state, 1, Integer::sum);
            if (call > list.size()) {
                String overrun = answers.containsKey(state)
                        ? "Task state '" + state + "' was invoked " + call + " times but the mocks give "
                                + list.size() + " answer(s)"
                        : "Task state '" + state + "' was invoked but the mocks have no list for it";
                if (firstOverrun == null) {
                    firstOverrun = overrun;
                }
                throw new ExecutionFailure(EXHAUSTED, overrun);
            }
        }
        return list.get(call - 1).answer();
    }

    /**
     * The entries that name no Task state of {@code definition} (at any depth: Parallel branches, Map
     * item processors), each with the Task state it may have meant; null when every entry names one.
     */
    public String misnamed(JsonNode definition) {
        Map<String, Set<String>> types = DefinitionTree.stateTypes(definition);
        List<String> tasks = types.keySet().stream().filter(name -> types.get(name).contains(TASK)).toList();
        List<String> problems = new ArrayList<>();
        for (String state : new TreeSet<>(answers.keySet())) {
            Set<String> typesOfState = types.get(state);
            if (typesOfState == null) {
                problems.add("mocks." + state + ": no state of the definition has this name"
                        + Spelling.didYouMean(state, tasks));
            } else if (!typesOfState.contains(TASK)) {
                problems.add("mocks." + state + ": '" + state + "' is a " + String.join(" and a ", typesOfState)
                        + " state; only Task states take answers");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The first invocation that found no answer left, or null. */
    public synchronized String overrun() {
        return firstOverrun == null ? null : "mocks: " + firstOverrun;
    }

    /** Every state whose answers were not all used, or null when all were. */
    public synchronized String unused() {
        List<String> unused = new ArrayList<>();
        answers.forEach((state, list) -> {
            int used = calls.getOrDefault(state, 0);
            if (used < list.size()) {
                unused.add("'" + state + "' used " + used + " of " + list.size());
            }
        });
        unused.sort(null);
        return unused.isEmpty() ? null : "mocks: answers left unused: " + String.join(", ", unused);
    }

    /** Where the answers and the execution disagree ({@link #overrun()}, else {@link #unused()}), or null. */
    public String problem() {
        String overrun = overrun();
        return overrun != null ? overrun : unused();
    }
}
