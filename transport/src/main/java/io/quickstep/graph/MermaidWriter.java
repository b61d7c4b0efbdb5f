package io.quickstep.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link StateGraph} as a Mermaid flowchart, which GitHub draws in Markdown: a node per state, a
 * subgraph per Map or Parallel state and per block inside it, an edge per transition (Catch edges
 * dotted), and with an execution the states styled by how they ended and the edges taken bold.
 */
final class MermaidWriter {
    private final StateGraph graph;
    private final ExecutionPath path;
    private final StringBuilder out = new StringBuilder(4096);
    /** Mermaid numbers links in the order they are written; these are the taken ones, by kind. */
    private final List<Integer> taken = new ArrayList<>();
    private final List<Integer> caughtTaken = new ArrayList<>();
    private final List<Integer> failureTaken = new ArrayList<>();
    private int links;

    private MermaidWriter(StateGraph graph, ExecutionPath path) {
        this.graph = graph;
        this.path = path;
    }

    static String write(StateGraph graph, ExecutionPath path) {
        return new MermaidWriter(graph, path).document();
    }

    private String document() {
        out.append("---\ntitle: \"").append(graph.name().replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n---\nflowchart TD\n");
        block(graph.machine(), "  ");
        graph.blocks().forEach(this::edges);
        out.append("  classDef marker fill:#545b64,stroke:#545b64,color:#ffffff\n")
                .append("  classDef unreachable stroke:#d13212,stroke-dasharray:4 3\n");
        if (path != null) {
            out.append("  classDef succeeded fill:#e9f5e9,stroke:#1d8102\n")
                    .append("  classDef failed fill:#fdecea,stroke:#d13212\n")
                    .append("  classDef caught fill:#fff3e0,stroke:#ec7211\n")
                    .append("  classDef in_progress fill:#e7f1fa,stroke:#0073bb\n")
                    .append("  classDef cancelled fill:#f2f3f3,stroke:#545b64\n");
            for (StateGraph.Node node : graph.nodes()) {
                ExecutionPath.Status status = path.state(node.name()).status();
                if (status != ExecutionPath.Status.NOT_REACHED) {
                    out.append("  class ").append(node.id()).append(' ').append(status.name().toLowerCase(Locale.ROOT))
                            .append('\n');
                }
            }
            linkStyle(taken, "#1d8102");
            linkStyle(caughtTaken, "#ec7211");
            linkStyle(failureTaken, "#d13212");
        }
        return out.toString();
    }

    private void linkStyle(List<Integer> indexes, String colour) {
        if (!indexes.isEmpty()) {
            out.append("  linkStyle ").append(String.join(",", indexes.stream().map(String::valueOf).toList()))
                    .append(" stroke:").append(colour).append(",stroke-width:2px\n");
        }
    }

    private void block(StateGraph.Block block, String indent) {
        out.append(indent).append(id(block.startId())).append("([Start]):::marker\n");
        for (StateGraph.Node node : block.nodes()) {
            if (node.isContainer()) {
                out.append(indent).append("subgraph ").append(node.id()).append("[\"").append(text(NodeText.label(node, path)))
                        .append("\"]\n").append(indent).append("  direction TB\n");
                for (StateGraph.Block inner : node.blocks()) {
                    out.append(indent).append("  subgraph ").append(inner.id()).append("[\"").append(text(inner.label()))
                            .append("\"]\n").append(indent).append("    direction TB\n");
                    block(inner, indent + "    ");
                    out.append(indent).append("  end\n");
                }
                out.append(indent).append("end\n");
            } else {
                out.append(indent).append(node.id()).append("[\"").append(text(NodeText.label(node, path))).append("\"]\n");
            }
            if (node.unreachable()) {
                out.append(indent).append("class ").append(node.id()).append(" unreachable\n");
            }
        }
        out.append(indent).append(id(block.endId())).append("([End]):::marker\n");
    }

    private void edges(StateGraph.Block block) {
        for (StateGraph.Edge edge : block.edges()) {
            int count = path == null ? 0 : path.taken(edge.id());
            String label = NodeText.edgeLabel(edge, count);
            boolean caught = edge.kind() == StateGraph.EdgeKind.CATCH;
            out.append("  ").append(id(edge.from())).append(caught ? " -.->" : " -->");
            if (!label.isEmpty()) {
                out.append("|\"").append(text(label)).append("\"|");
            }
            out.append(' ').append(id(edge.to())).append('\n');
            if (count > 0) {
                (block.isFailure(edge) ? failureTaken : caught ? caughtTaken : taken).add(links);
            }
            links++;
        }
    }

    /** A marker's id without its dash, which Mermaid would read as part of a link. */
    private static String id(String id) {
        return id.replace('-', '_');
    }

    /**
     * Text for a quoted label: Mermaid's entity codes for what it would read as syntax or HTML, a
     * line break for a newline.
     */
    private static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '#', '<', '>', '&', '`', '|' -> out.append('#').append((int) c).append(';');
                case '\n' -> out.append("<br/>");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
