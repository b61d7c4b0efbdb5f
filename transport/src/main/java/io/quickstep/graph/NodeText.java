package io.quickstep.graph;

/** The lines of text a state shows, the same in every format: name, type, first Retry rule, counts. */
final class NodeText {
    static final int NAME_CHARS = 40;

    private NodeText() {
    }

    /** The name, cut to {@value #NAME_CHARS} characters for a node's width (the tooltip has it whole). */
    static String name(StateGraph.Node node) {
        String name = node.name();
        return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
    }

    /** The type, and whether the state cannot be reached. */
    static String type(StateGraph.Node node) {
        return node.unreachable() ? node.type() + " · unreachable" : node.type();
    }

    /** The first Retry rule and how many more there are, or null without Retry. */
    static String retry(StateGraph.Node node) {
        if (node.retry().isEmpty()) {
            return null;
        }
        int more = node.retry().size() - 1;
        return "Retry " + node.retry().get(0) + (more > 0 ? " (+" + more + ")" : "");
    }

    /**
     * What the execution did there: a Map's iterations and a Parallel's branch runs, else its
     * visits; empty when not reached.
     */
    static String counts(StateGraph.Node node, ExecutionPath path) {
        ExecutionPath.StateRun run = path.state(node.name());
        if (run.entered() == 0) {
            return "";
        }
        ExecutionPath.Runs runs = path.runs(node);
        return runs == null ? run.summary() : runs.summary(node.type().equals("Map") ? "iterations" : "branch runs");
    }

    /** An edge's label, with how often it was taken when more than once: {@code Default ×3}. */
    static String edgeLabel(StateGraph.Edge edge, int taken) {
        return taken > 1 ? edge.label() + (edge.label().isEmpty() ? "×" : " ×") + taken : edge.label();
    }

    /** The whole label, one line each, the name in full: for DOT and Mermaid. */
    static String label(StateGraph.Node node, ExecutionPath path) {
        StringBuilder label = new StringBuilder(node.name()).append('\n').append(type(node));
        if (retry(node) != null) {
            label.append('\n').append(retry(node));
        }
        if (path != null && path.state(node.name()).entered() > 0) {
            label.append('\n').append(counts(node, path));
        }
        return label.toString();
    }
}
