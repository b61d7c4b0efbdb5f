package io.quickstep.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state machines of a definition, read from its JSON: the definition itself and every
 * Parallel branch and Map item processor ({@code ItemProcessor}, or the older {@code Iterator})
 * at any depth.
 */
final class DefinitionTree {
    private DefinitionTree() {
    }

    /** The definition and each branch and item processor in it, outermost first. */
    static List<JsonNode> machines(JsonNode definition) {
        List<JsonNode> machines = new ArrayList<>();
        collect(definition, machines);
        return machines;
    }

    /** Each state name of the definition, at any depth, with the Types its states of that name have. */
    static Map<String, Set<String>> stateTypes(JsonNode definition) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        for (JsonNode machine : machines(definition)) {
            for (Map.Entry<String, JsonNode> state : machine.path("States").properties()) {
                types.computeIfAbsent(state.getKey(), name -> new LinkedHashSet<>())
                        .add(state.getValue().path("Type").asText(""));
            }
        }
        return types;
    }

    private static void collect(JsonNode machine, List<JsonNode> machines) {
        machines.add(machine);
        for (JsonNode state : machine.path("States")) {
            for (JsonNode branch : state.path("Branches")) {
                collect(branch, machines);
            }
            for (String processor : List.of("ItemProcessor", "Iterator")) {
                if (state.path(processor).isObject()) {
                    collect(state.get(processor), machines);
                }
            }
        }
    }
}
