package io.quickstep.graph;

import io.quickstep.asl.DefinitionException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A workflow diagram: a definition drawn as the AWS console draws it, optionally with the path of
 * one execution, as SVG, PNG, Graphviz DOT or a Mermaid flowchart.
 *
 * <pre>{@code
 * String svg = WorkflowDiagram.of("order", definitionText).svg();
 * String run = WorkflowDiagram.of("order", definitionText).withEvents(ExecutionEvents.of(result.events())).svg();
 * }</pre>
 *
 * <p>{@link SvgRenderer} says what a page can find in the SVG to restyle states and edges.
 */
public final class WorkflowDiagram {
    /** An output format. */
    public enum Format {
        SVG, PNG, DOT, MERMAID;

        /** The format a file name's extension asks for ({@code .svg}, {@code .png}, {@code .dot}/{@code .gv}, {@code .mmd}), or null. */
        public static Format ofFileName(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".svg")) {
                return SVG;
            }
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".dot") || name.endsWith(".gv")) {
                return DOT;
            }
            return name.endsWith(".mmd") || name.endsWith(".mermaid") ? MERMAID : null;
        }
    }

    private final StateGraph graph;
    private final ExecutionPath path;

    private WorkflowDiagram(StateGraph graph, ExecutionPath path) {
        this.graph = graph;
        this.path = path;
    }

    /**
     * The diagram of the definition {@code definitionText}, titled {@code name}.
     *
     * @throws DefinitionException with the errors {@code quickstep validate} reports, but for states
     *                             that cannot be reached: those are drawn, flagged
     */
    public static WorkflowDiagram of(String name, String definitionText) {
        return new WorkflowDiagram(StateGraphs.of(name, definitionText), null);
    }

    /** The same diagram with the path of the execution whose events (oldest first) are {@code events}. */
    public WorkflowDiagram withEvents(List<ExecutionEvent> events) {
        return new WorkflowDiagram(graph, ExecutionPath.of(graph, events));
    }

    public StateGraph graph() {
        return graph;
    }

    public String svg() {
        return SvgRenderer.render(graph, GraphLayout.layout(graph, path), path);
    }

    /**
     * The diagram without an execution, with two empty lines on every state for a page to write
     * live figures in: {@code <text class="live rate">} and {@code <text class="live latency">}
     * (the live view of {@code serve}).
     */
    public String liveSvg() {
        return SvgRenderer.renderLive(graph, GraphLayout.liveLayout(graph));
    }

    public byte[] png() {
        Layout layout = GraphLayout.layout(graph, path);
        return PngRenderer.render(SvgRenderer.render(graph, layout, path), layout.box(graph.machine().id()).width());
    }

    public String dot() {
        return DotWriter.write(graph, path);
    }

    public String mermaid() {
        return MermaidWriter.write(graph, path);
    }

    /** The diagram in {@code format}: UTF-8 text, or the PNG's bytes. */
    public byte[] render(Format format) {
        return switch (format) {
            case SVG -> svg().getBytes(StandardCharsets.UTF_8);
            case PNG -> png();
            case DOT -> dot().getBytes(StandardCharsets.UTF_8);
            case MERMAID -> mermaid().getBytes(StandardCharsets.UTF_8);
        };
    }
}
