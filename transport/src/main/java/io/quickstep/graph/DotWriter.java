package io.quickstep.graph;

/**
 * A {@link StateGraph} in Graphviz's DOT language, for documentation ({@code dot -Tsvg} draws it):
 * a node per state, a cluster per Map or Parallel state and per block inside it, an edge per
 * transition (Catch edges dashed), and with an execution the states filled by how they ended and
 * the edges taken drawn bold.
 */
final class DotWriter {
    private final StateGraph graph;
    private final ExecutionPath path;
    private final StringBuilder out = new StringBuilder(4096);

    private DotWriter(StateGraph graph, ExecutionPath path) {
        this.graph = graph;
        this.path = path;
    }

    static String write(StateGraph graph, ExecutionPath path) {
        return new DotWriter(graph, path).document();
    }

    private String document() {
        out.append("digraph ").append(quote(graph.name())).append(" {\n")
                .append("  graph [rankdir=TB, compound=true, fontname=\"Helvetica\", fontsize=11];\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#879596\", "
                        + "fontname=\"Helvetica\", fontsize=11];\n")
                .append("  edge [color=\"#687078\", fontname=\"Helvetica\", fontsize=10];\n");
        block(graph.machine(), "  ");
        graph.blocks().forEach(this::edges);
        out.append("}\n");
        return out.toString();
    }

    private void block(StateGraph.Block block, String indent) {
        marker(block.startId(), "Start", indent);
        for (StateGraph.Node node : block.nodes()) {
            if (node.isContainer()) {
                out.append(indent).append("subgraph ").append(quote("cluster_" + node.id())).append(" {\n")
                        .append(indent).append("  label=").append(quote(NodeText.label(node, path))).append("; style=\"rounded,filled\"; ")
                        .append("fillcolor=").append(quote(fill(node))).append("; color=")
                        .append(quote(node.unreachable() ? "#d13212" : "#879596")).append(";\n");
                for (StateGraph.Block inner : node.blocks()) {
                    out.append(indent).append("  subgraph ").append(quote("cluster_" + inner.id())).append(" {\n")
                            .append(indent).append("    label=").append(quote(inner.label()))
                            .append("; style=\"dashed,filled\"; fillcolor=\"#ffffff\"; color=\"#aab7b8\";\n");
                    block(inner, indent + "    ");
                    out.append(indent).append("  }\n");
                }
                out.append(indent).append("}\n");
            } else {
                out.append(indent).append(quote(node.id())).append(" [label=").append(quote(NodeText.label(node, path)))
                        .append(", tooltip=").append(quote(node.name())).append(", fillcolor=")
                        .append(quote(fill(node)));
                if (node.unreachable()) {
                    out.append(", color=\"#d13212\", style=\"rounded,filled,dashed\"");
                }
                out.append("];\n");
            }
        }
        marker(block.endId(), "End", indent);
    }

    private void marker(String id, String text, String indent) {
        out.append(indent).append(quote(id)).append(" [label=").append(quote(text))
                .append(", shape=box, style=\"rounded,filled\", fillcolor=\"#545b64\", fontcolor=\"#ffffff\"];\n");
    }

    private String fill(StateGraph.Node node) {
        if (path == null) {
            return node.isContainer() ? "#fafafa" : "#ffffff";
        }
        return switch (path.state(node.name()).status()) {
            case SUCCEEDED -> "#e9f5e9";
            case FAILED -> "#fdecea";
            case CAUGHT -> "#fff3e0";
            case IN_PROGRESS -> "#e7f1fa";
            case CANCELLED -> "#f2f3f3";
            case NOT_REACHED -> "#ffffff";
        };
    }

    private void edges(StateGraph.Block block) {
        for (StateGraph.Edge edge : block.edges()) {
            StateGraph.Node from = block.node(edge.from());
            StateGraph.Node to = block.node(edge.to());
            // An edge cannot end at a cluster: it goes to the first marker inside, clipped at the cluster.
            out.append("  ").append(quote(from != null && from.isContainer() ? from.blocks().get(0).endId() : edge.from()))
                    .append(" -> ").append(quote(to != null && to.isContainer() ? to.blocks().get(0).startId() : edge.to()));
            StringBuilder attributes = new StringBuilder();
            if (from != null && from.isContainer()) {
                attributes.append(", ltail=").append(quote("cluster_" + from.id()));
            }
            if (to != null && to.isContainer()) {
                attributes.append(", lhead=").append(quote("cluster_" + to.id()));
            }
            int taken = path == null ? 0 : path.taken(edge.id());
            String label = NodeText.edgeLabel(edge, taken);
            if (!label.isEmpty()) {
                attributes.append(", label=").append(quote(label));
            }
            if (!edge.tooltip().isEmpty()) {
                attributes.append(", tooltip=").append(quote(edge.tooltip()));
            }
            if (edge.kind() == StateGraph.EdgeKind.CATCH) {
                attributes.append(", style=dashed");
            }
            if (taken > 0) {
                attributes.append(", penwidth=2, color=").append(quote(block.isFailure(edge) ? "#d13212"
                        : edge.kind() == StateGraph.EdgeKind.CATCH ? "#ec7211" : "#1d8102"));
            }
            if (attributes.length() > 0) {
                out.append(" [").append(attributes.substring(2)).append(']');
            }
            out.append(";\n");
        }
    }

    /** A DOT quoted string; a newline is a centred line break. */
    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
