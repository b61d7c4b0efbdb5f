package io.quickstep.graph;

import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link StateGraph} out with the Eclipse Layout Kernel's layered algorithm, top to bottom
 * as the AWS console draws workflows. Transitions never leave their block, so the blocks are laid
 * out bottom up, each as one flat layered graph: a Map or Parallel state is a node whose size is
 * that of its blocks (a Parallel's branches side by side), placed in its own block like any other,
 * its blocks then drawn inside it. The layout is deterministic: a fixed random seed, and the
 * definition's order kept for nodes and edges (which also makes the edges that go back, such as a
 * Catch to an earlier state or a loop, the ones against that order).
 */
final class GraphLayout {
    static final double FONT = 12;
    static final double SMALL_FONT = 11;
    static final double LINE = 15;
    /** Above a node's first line of text, and below its last. */
    static final double TEXT_PAD = 7;
    private static final double MARKER_WIDTH = 52;
    private static final double MARKER_HEIGHT = 22;
    private static final double MIN_NODE_WIDTH = 110;
    /** Around the blocks inside a container, and between a Parallel's branches. */
    private static final double INNER_PAD = 10;
    /** A block's frame label (Branch 1, Iterator) above its states. */
    private static final double FRAME_LABEL = 18;

    /** Lines kept on each state of a live diagram, for a page to write figures in. */
    static final int LIVE_LINES = 2;
    /** The widest live line a page is expected to write ({@code live.js} of the live view). */
    private static final String LIVE_SAMPLE = "p50 999 ms · p99 999 ms";

    private final ExecutionPath path;
    private final boolean live;

    private GraphLayout(ExecutionPath path, boolean live) {
        this.path = path;
        this.live = live;
    }

    /**
     * The layout of {@code graph}; with a {@code path}, every state has room for a line more, for
     * what the execution did there.
     */
    static Layout layout(StateGraph graph, ExecutionPath path) {
        return new GraphLayout(path, false).block(graph.machine(), false);
    }

    /** The layout of {@code graph} with room on every state for {@value #LIVE_LINES} lines of live figures. */
    static Layout liveLayout(StateGraph graph) {
        return new GraphLayout(null, true).block(graph.machine(), false);
    }

    /** The lines of text a state shows: its name, its type, its first Retry rule, room for counts or figures. */
    private int textLines(StateGraph.Node node) {
        return 2 + (node.retry().isEmpty() ? 0 : 1) + (path != null ? 1 : 0) + (live ? LIVE_LINES : 0);
    }

    /** The height of a state's text, or of a container's header. */
    private double textHeight(StateGraph.Node node) {
        return TEXT_PAD * 2 + LINE * textLines(node);
    }

    private double textWidth(StateGraph.Node node) {
        double width = Math.max(TextWidth.of(NodeText.name(node), FONT) * TextWidth.BOLD,
                TextWidth.of(NodeText.type(node), SMALL_FONT));
        if (NodeText.retry(node) != null) {
            width = Math.max(width, TextWidth.of(NodeText.retry(node), SMALL_FONT));
        }
        if (path != null) {
            width = Math.max(width, TextWidth.of(NodeText.counts(node, path), SMALL_FONT));
        }
        if (live) {
            width = Math.max(width, TextWidth.of(LIVE_SAMPLE, SMALL_FONT));
        }
        return width + 24;
    }

    /** A block in its own coordinates: its frame at (0, 0). */
    private Layout block(StateGraph.Block block, boolean framed) {
        Map<String, Layout> containers = new HashMap<>();
        Map<String, double[]> sizes = new HashMap<>();
        for (StateGraph.Node node : block.nodes()) {
            if (node.isContainer()) {
                Layout inner = container(node);
                containers.put(node.id(), inner);
                Layout.Box box = inner.box(node.id());
                sizes.put(node.id(), new double[] {box.width(), box.height()});
            } else {
                sizes.put(node.id(), new double[] {Math.max(MIN_NODE_WIDTH, textWidth(node)), textHeight(node)});
            }
        }
        ElkNode graph = ElkGraphUtil.createGraph();
        configure(graph, framed);
        Map<String, ElkNode> elkNodes = new HashMap<>();
        elkNodes.put(block.startId(), marker(graph));
        for (StateGraph.Node node : block.nodes()) {
            ElkNode elk = ElkGraphUtil.createNode(graph);
            double[] size = sizes.get(node.id());
            elk.setDimensions(size[0], size[1]);
            elkNodes.put(node.id(), elk);
        }
        elkNodes.put(block.endId(), marker(graph));
        Map<String, ElkEdge> elkEdges = new HashMap<>();
        for (StateGraph.Edge edge : block.edges()) {
            ElkEdge elk = ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to()));
            if (!edge.label().isEmpty()) {
                ElkLabel label = ElkGraphUtil.createLabel(edge.label(), elk);
                label.setDimensions(TextWidth.of(edge.label(), SMALL_FONT) + 6, LINE);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            elkEdges.put(edge.id(), elk);
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        Layout layout = new Layout();
        layout.boxes.put(block.id(), new Layout.Box(0, 0, graph.getWidth(), graph.getHeight()));
        elkNodes.forEach((id, elk) -> {
            Layout inner = containers.get(id);
            if (inner != null) {
                layout.addAll(inner, elk.getX(), elk.getY());
            } else {
                layout.boxes.put(id, new Layout.Box(elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight()));
            }
        });
        elkEdges.forEach((id, elk) -> layout.routes.put(id, route(elk)));
        return layout;
    }

    private static void configure(ElkNode graph, boolean framed) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(framed ? 12 + FRAME_LABEL : 12, 12, 12, 12));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 34.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
    }

    private static ElkNode marker(ElkNode graph) {
        ElkNode marker = ElkGraphUtil.createNode(graph);
        marker.setDimensions(MARKER_WIDTH, MARKER_HEIGHT);
        return marker;
    }

    /**
     * A Map or Parallel state in its own coordinates: its header (name, type, retry) on top, its
     * blocks below it side by side, centred.
     */
    private Layout container(StateGraph.Node node) {
        List<Layout> inner = new ArrayList<>();
        double contentWidth = -INNER_PAD;
        double contentHeight = 0;
        for (StateGraph.Block block : node.blocks()) {
            Layout layout = block(block, true);
            Layout.Box frame = layout.box(block.id());
            inner.add(layout);
            contentWidth += frame.width() + INNER_PAD;
            contentHeight = Math.max(contentHeight, frame.height());
        }
        double header = textHeight(node);
        double width = Math.max(textWidth(node), contentWidth + 2 * INNER_PAD);
        Layout layout = new Layout();
        layout.boxes.put(node.id(), new Layout.Box(0, 0, width, header + contentHeight + INNER_PAD));
        double x = (width - contentWidth) / 2;
        for (int i = 0; i < inner.size(); i++) {
            layout.addAll(inner.get(i), x, header);
            x += inner.get(i).box(node.blocks().get(i).id()).width() + INNER_PAD;
        }
        return layout;
    }

    /** An edge's points and label, in its graph's coordinates. */
    private static Layout.Route route(ElkEdge edge) {
        List<Layout.Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Layout.Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Layout.Point(bend.getX(), bend.getY()));
            }
            points.add(new Layout.Point(section.getEndX(), section.getEndY()));
        }
        Layout.Box label = null;
        if (!edge.getLabels().isEmpty()) {
            ElkLabel elk = edge.getLabels().get(0);
            label = new Layout.Box(elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight());
        }
        return new Layout.Route(points, label);
    }
}
