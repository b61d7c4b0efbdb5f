package io.quickstep.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workflow diagram shows, before layout: the blocks of a definition (the machine, each
 * Parallel branch, each Map's item processor), their states and the transitions among them. A
 * transition never leaves its block (ASL's rule), so each block can be laid out on its own.
 *
 * <p>Ids are stable for a given definition: {@code s<N>} for the N-th state in definition order
 * (depth first), {@code b<N>} for the N-th block ({@code b0} is the machine), {@code e<N>} for edges
 * in the order of their block; they name the SVG elements.
 */
public final class StateGraph {
    /** What an edge stands for. */
    public enum EdgeKind {
        /** From a block's start marker to its StartAt state. */
        START,
        NEXT,
        /** A Choice state's Default. */
        DEFAULT,
        /** A Choice rule's Next; the label is the rule's condition. */
        CHOICE,
        /** A Catch rule's Next; the label is its error names. */
        CATCH,
        /** From a state that ends its block (End, Succeed, Fail) to the block's end marker. */
        END
    }

    /**
     * A block of states with its start and end markers, whose ids are {@code <id>-start} and
     * {@code <id>-end}.
     *
     * @param label what its container says: {@code Branch 1}, {@code Iterator}; empty for the machine
     */
    public record Block(String id, String label, String startAt, List<Node> nodes, List<Edge> edges) {
        public String startId() {
            return id + "-start";
        }

        public String endId() {
            return id + "-end";
        }

        /**
         * Whether {@code edge} of this block is a Fail state's way to the end: the block (the
         * execution, a branch, an iteration) failing.
         */
        public boolean isFailure(Edge edge) {
            Node from = node(edge.from());
            return from != null && from.isFail();
        }

        /** Its state with node id {@code nodeId}, or null (for a marker's id, say). */
        public Node node(String nodeId) {
            for (Node node : nodes) {
                if (node.id().equals(nodeId)) {
                    return node;
                }
            }
            return null;
        }
    }

    /**
     * One state.
     *
     * @param retry       one line per Retry rule ({@code States.TaskFailed ×2}), in order
     * @param details     lines for its tooltip: resource, retry and catch rules in full
     * @param unreachable no transition of its block leads to it
     * @param blocks      a Parallel's branches or a Map's item processor; empty for other types
     */
    public record Node(String id, String name, String type, List<String> retry, List<String> details,
                       boolean unreachable, List<Block> blocks) {
        public boolean isContainer() {
            return !blocks.isEmpty();
        }

        public boolean isFail() {
            return type.equals("Fail");
        }
    }

    /**
     * A transition, or a start or end marker's edge. {@code from} and {@code to} are node ids or
     * marker ids.
     *
     * @param label   what is written on it (shortened), or empty
     * @param tooltip the label in full, or empty
     */
    public record Edge(String id, String from, String to, EdgeKind kind, String label, String tooltip) {
    }

    private final String name;
    private final Block machine;
    private final Map<String, Node> byName = new LinkedHashMap<>();
    private final Map<String, Block> blockOf = new LinkedHashMap<>();

    StateGraph(String name, Block machine) {
        this.name = name;
        this.machine = machine;
        index(machine);
    }

    private void index(Block block) {
        for (Node node : block.nodes()) {
            byName.put(node.name(), node);
            blockOf.put(node.name(), block);
            node.blocks().forEach(this::index);
        }
    }

    /** What the diagram is titled: the state machine's name. */
    public String name() {
        return name;
    }

    /** The top-level block. */
    public Block machine() {
        return machine;
    }

    /** A state by name (names are unique across the whole definition), or null. */
    public Node node(String stateName) {
        return byName.get(stateName);
    }

    /** The block holding the state named {@code stateName}, or null. */
    public Block blockOf(String stateName) {
        return blockOf.get(stateName);
    }

    /** Every state, in definition order, depth first. */
    public List<Node> nodes() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    /** Every block, the machine first, depth first. */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        collect(machine, blocks);
        return blocks;
    }

    private static void collect(Block block, List<Block> into) {
        into.add(block);
        for (Node node : block.nodes()) {
            node.blocks().forEach(inner -> collect(inner, into));
        }
    }
}
