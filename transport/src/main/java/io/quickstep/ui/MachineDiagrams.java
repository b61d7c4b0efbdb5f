package io.quickstep.ui;

import io.quickstep.graph.StateGraph;
import io.quickstep.graph.WorkflowDiagram;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagram of each state machine's current definition, made when the definition is first seen
 * or has changed, and kept: a large machine's layout takes a tenth of a second, the page asks for
 * it at every load. Used on the view's one thread only.
 */
final class MachineDiagrams {
    /** One machine's definition, drawn; its live SVG laid out on first use. */
    static final class Drawn {
        final String definition;
        /** Null when the definition cannot be drawn, {@link #problem} saying why. */
        final WorkflowDiagram diagram;
        final String problem;
        /** Each state's name by its path in the engine's transitions metric ({@code Parent/0/State} when nested). */
        final Map<String, String> namesByPath;
        private String svg;

        private Drawn(String definition, WorkflowDiagram diagram, String problem, Map<String, String> namesByPath) {
            this.definition = definition;
            this.diagram = diagram;
            this.problem = problem;
            this.namesByPath = namesByPath;
        }

        /** What tells the page the diagram has changed. */
        String revision() {
            return Integer.toHexString(definition.hashCode());
        }

        /** The live diagram's SVG; the diagram must be there. */
        String svg() {
            if (svg == null) {
                svg = diagram.liveSvg();
            }
            return svg;
        }
    }

    private final Map<String, Drawn> byMachine = new HashMap<>();

    /** The diagram of {@code machine} with this definition. */
    Drawn of(String machine, String definition) {
        Drawn drawn = byMachine.get(machine);
        if (drawn == null || !drawn.definition.equals(definition)) {
            drawn = draw(machine, definition);
            byMachine.put(machine, drawn);
        }
        return drawn;
    }

    /** The diagram kept for {@code machine} when it is of this definition, else null (an older revision's). */
    Drawn current(String machine, String definition) {
        Drawn drawn = byMachine.get(machine);
        return drawn != null && drawn.definition.equals(definition) ? drawn : null;
    }

    /** Forgets the machines that are no longer served. */
    void keepOnly(Collection<String> machines) {
        byMachine.keySet().retainAll(machines);
    }

    static Drawn draw(String machine, String definition) {
        WorkflowDiagram diagram;
        try {
            diagram = WorkflowDiagram.of(machine, definition);
        } catch (RuntimeException e) { // the service took it, so this is rare: a definition only AWS's STANDARD runs
            return new Drawn(definition, null, e.getMessage(), Map.of());
        }
        Map<String, String> names = new HashMap<>();
        collect(diagram.graph().machine(), "", names);
        return new Drawn(definition, diagram, null, names);
    }

    /** The engine names a nested state by its container's path, branch index and name (its StatePaths). */
    private static void collect(StateGraph.Block block, String prefix, Map<String, String> names) {
        for (StateGraph.Node node : block.nodes()) {
            names.put(prefix + node.name(), node.name());
            List<StateGraph.Block> inner = node.blocks();
            for (int i = 0; i < inner.size(); i++) {
                collect(inner.get(i), prefix + node.name() + "/" + i + "/", names);
            }
        }
    }
}
