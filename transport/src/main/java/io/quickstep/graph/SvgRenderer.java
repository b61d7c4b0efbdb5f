package io.quickstep.graph;

import java.util.List;

/**
 * Draws a laid-out {@link StateGraph} as one self-contained SVG document: its style sheet inside,
 * no external reference, no script.
 *
 * <p>What a page script can rely on: each state is a {@code <g class="state TYPE">} with
 * {@code id} its node id ({@code s3}), {@code data-state} its name and {@code data-type} its type;
 * a Map or Parallel state is also {@code container} and holds its blocks
 * ({@code <g class="block" data-block="b2">}, their states inside); each edge is a
 * {@code <g class="edge KIND">} ({@code next}, {@code default}, {@code choice}, {@code catch},
 * {@code start}, {@code end}; and {@code failure} from a Fail state) with {@code data-from} and
 * {@code data-to} naming its states, its
 * {@code <path class="line">} and label. A state's {@code <text class="counts">} line (present when an
 * execution is drawn) takes what a page writes there; a live diagram ({@link #renderLive}) has two
 * empty lines instead, {@code <text class="live rate">} and {@code <text class="live latency">}.
 * With an execution, each state also has the class {@code status-<status>}
 * ({@link ExecutionPath.Status#word()}), {@code retried} when it was, and each edge taken the
 * class {@code taken} and {@code data-taken} its count.
 */
final class SvgRenderer {
    static final String STYLE = """
            .qs-graph text { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; }
            .qs-graph .shape { fill: #ffffff; stroke: #879596; stroke-width: 1.2; }
            .qs-graph .container > .shape { fill: #fafafa; }
            .qs-graph .frame { fill: #ffffff; stroke: #aab7b8; stroke-dasharray: 4 3; }
            .qs-graph .frame-label { font-size: 11px; fill: #687078; }
            .qs-graph .name { font-size: 12px; font-weight: bold; fill: #16191f; text-anchor: middle; }
            .qs-graph .type, .qs-graph .retry, .qs-graph .counts { font-size: 11px; fill: #545b64; text-anchor: middle; }
            .qs-graph .retry { fill: #8a5a00; }
            .qs-graph .marker rect { fill: #545b64; }
            .qs-graph .marker text { font-size: 11px; fill: #ffffff; text-anchor: middle; }
            .qs-graph .line { fill: none; stroke: #687078; stroke-width: 1.2; }
            .qs-graph .catch .line { stroke-dasharray: 5 4; }
            .qs-graph .label { font-size: 11px; fill: #16191f; }
            .qs-graph .label-bg { fill: #ffffff; opacity: 0.85; }
            .qs-graph .unreachable > .shape { stroke: #d13212; stroke-dasharray: 4 3; }
            .qs-graph .unreachable > .type { fill: #d13212; }
            .qs-graph .taken .line { stroke: #1d8102; stroke-width: 2; }
            .qs-graph .catch.taken .line { stroke: #ec7211; }
            .qs-graph .failure.taken .line { stroke: #d13212; }
            .qs-graph .status-succeeded > .shape { fill: #e9f5e9; stroke: #1d8102; }
            .qs-graph .status-failed > .shape { fill: #fdecea; stroke: #d13212; }
            .qs-graph .status-caught > .shape { fill: #fff3e0; stroke: #ec7211; }
            .qs-graph .status-in-progress > .shape { fill: #e7f1fa; stroke: #0073bb; }
            .qs-graph .status-cancelled > .shape { fill: #f2f3f3; stroke: #545b64; }
            .qs-graph .status-not-reached { opacity: 0.6; }
            .qs-graph .retried > .shape { stroke-width: 3; }
            .qs-graph .legend text { font-size: 11px; fill: #545b64; }
            """;
    private static final double LEGEND = 26;
    private static final String TAKEN_ARROW = "qs-arrow-taken";
    private static final String CAUGHT_ARROW = "qs-arrow-caught";
    private static final String FAILURE_ARROW = "qs-arrow-failure";
    private static final double LABEL_PAD = 3;
    private static final double LEGEND_PAD = 12;

    private final StateGraph graph;
    private final Layout layout;
    private final ExecutionPath path;
    private final boolean live;
    private final StringBuilder out = new StringBuilder(16 * 1024);

    private SvgRenderer(StateGraph graph, Layout layout, ExecutionPath path, boolean live) {
        this.graph = graph;
        this.layout = layout;
        this.path = path;
        this.live = live;
    }

    /** The SVG of {@code graph} laid out as {@code layout}, with {@code path} drawn on it when not null. */
    static String render(StateGraph graph, Layout layout, ExecutionPath path) {
        return new SvgRenderer(graph, layout, path, false).document();
    }

    /**
     * The SVG of {@code graph} laid out by {@link GraphLayout#liveLayout}, each state with its
     * {@value GraphLayout#LIVE_LINES} empty lines of live figures.
     */
    static String renderLive(StateGraph graph, Layout layout) {
        return new SvgRenderer(graph, layout, null, true).document();
    }

    private String document() {
        Layout.Box canvas = layout.box(graph.machine().id());
        double width = path == null ? canvas.width() : Math.max(canvas.width(), legendWidth());
        double height = canvas.height() + (path == null ? 0 : LEGEND);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qs-graph\" width=\"").append(Xml.number(width))
                .append("\" height=\"").append(Xml.number(height)).append("\" viewBox=\"0 0 ")
                .append(Xml.number(width)).append(' ').append(Xml.number(height))
                .append("\" data-machine=\"").append(Xml.escape(graph.name())).append('"');
        if (path != null && path.executionStatus() != null) {
            out.append(" data-execution-status=\"").append(path.executionStatus()).append('"');
        }
        out.append(">\n<title>").append(Xml.escape(graph.name())).append("</title>\n");
        out.append("<style>\n").append(STYLE).append("</style>\n");
        out.append("<defs>");
        arrow("qs-arrow", "#687078");
        if (path != null) {
            arrow(TAKEN_ARROW, "#1d8102");
            arrow(CAUGHT_ARROW, "#ec7211");
            arrow(FAILURE_ARROW, "#d13212");
        }
        out.append("</defs>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        block(graph.machine());
        if (path != null) {
            legend(canvas.height());
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** An arrowhead of a fixed size, whatever the width of the line it ends. */
    private void arrow(String id, String colour) {
        out.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                .append("markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(colour).append("\"/></marker>");
    }

    private void block(StateGraph.Block block) {
        out.append("<g class=\"block\" data-block=\"").append(block.id()).append("\">\n");
        if (!block.label().isEmpty()) {
            Layout.Box frame = layout.box(block.id());
            rect(frame, "frame", 4);
            text(frame.x() + 8, frame.y() + 15, "frame-label", block.label());
        }
        for (StateGraph.Edge edge : block.edges()) {
            edge(edge, block);
        }
        marker(block.startId(), "start", "Start");
        marker(block.endId(), "end", "End");
        for (StateGraph.Node node : block.nodes()) {
            node(node);
        }
        out.append("</g>\n");
    }

    private void marker(String id, String kind, String text) {
        Layout.Box box = layout.box(id);
        out.append("<g id=\"").append(id).append("\" class=\"marker ").append(kind).append("\">");
        rect(box, null, box.height() / 2);
        text(box.centerX(), box.y() + box.height() / 2 + 4, null, text);
        out.append("</g>\n");
    }

    private void node(StateGraph.Node node) {
        Layout.Box box = layout.box(node.id());
        StringBuilder classes = new StringBuilder("state ").append(node.type().toLowerCase());
        if (node.isContainer()) {
            classes.append(" container");
        }
        if (node.unreachable()) {
            classes.append(" unreachable");
        }
        ExecutionPath.StateRun run = path == null ? null : path.state(node.name());
        if (run != null) {
            classes.append(" status-").append(run.status().word());
            if (run.retries() > 0) {
                classes.append(" retried");
            }
        }
        out.append("<g id=\"").append(node.id()).append("\" class=\"").append(classes)
                .append("\" data-state=\"").append(Xml.escape(node.name())).append("\" data-type=\"")
                .append(node.type()).append("\">\n<title>").append(Xml.escape(tooltip(node, run))).append("</title>\n");
        rect(box, "shape", 6);
        double x = box.centerX();
        double y = box.y() + GraphLayout.TEXT_PAD + GraphLayout.LINE - 3;
        text(x, y, "name", NodeText.name(node));
        y += GraphLayout.LINE;
        text(x, y, "type", NodeText.type(node));
        if (NodeText.retry(node) != null) {
            y += GraphLayout.LINE;
            text(x, y, "retry", NodeText.retry(node));
        }
        if (run != null) {
            y += GraphLayout.LINE;
            text(x, y, "counts", NodeText.counts(node, path));
        }
        if (live) {
            y += GraphLayout.LINE;
            text(x, y, "live rate", "");
            y += GraphLayout.LINE;
            text(x, y, "live latency", "");
        }
        node.blocks().forEach(this::block);
        out.append("</g>\n");
    }

    private static String tooltip(StateGraph.Node node, ExecutionPath.StateRun run) {
        StringBuilder text = new StringBuilder(node.name()).append(" (").append(node.type()).append(')');
        if (node.unreachable()) {
            text.append("\nNo transition leads to this state: it cannot be reached.");
        }
        node.details().forEach(line -> text.append('\n').append(line));
        if (run != null) {
            text.append("\nThis execution: ").append(run.entered() == 0 ? "not reached" : run.summary());
        }
        return text.toString();
    }

    private void edge(StateGraph.Edge edge, StateGraph.Block block) {
        Layout.Route route = layout.route(edge.id());
        int taken = path == null ? 0 : path.taken(edge.id());
        boolean failure = block.isFailure(edge);
        out.append("<g id=\"").append(edge.id()).append("\" class=\"edge ").append(edge.kind().name().toLowerCase())
                .append(failure ? " failure" : "").append(taken > 0 ? " taken" : "").append('"');
        attribute("data-from", stateName(edge.from(), block));
        attribute("data-to", stateName(edge.to(), block));
        if (taken > 0) {
            out.append(" data-taken=\"").append(taken).append('"');
        }
        out.append('>');
        if (!edge.tooltip().isEmpty()) {
            String what = edge.kind() == StateGraph.EdgeKind.CATCH ? "Catch " : "";
            out.append("<title>").append(Xml.escape(what + edge.tooltip())).append("</title>");
        }
        String arrow = taken == 0 ? "qs-arrow" : failure ? FAILURE_ARROW
                : edge.kind() == StateGraph.EdgeKind.CATCH ? CAUGHT_ARROW : TAKEN_ARROW;
        out.append("<path class=\"line\" marker-end=\"url(#").append(arrow).append(")\" d=\"");
        List<Layout.Point> points = route.points();
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "M" : " L").append(Xml.number(points.get(i).x())).append(',')
                    .append(Xml.number(points.get(i).y()));
        }
        out.append("\"/>");
        String label = NodeText.edgeLabel(edge, taken);
        if (!label.isEmpty()) {
            Layout.Box at = route.label() != null ? route.label() : middle(points);
            double width = TextWidth.of(label, GraphLayout.SMALL_FONT) + 2 * LABEL_PAD;
            out.append("<rect class=\"label-bg\" x=\"").append(Xml.number(at.x())).append("\" y=\"")
                    .append(Xml.number(at.y())).append("\" width=\"").append(Xml.number(width))
                    .append("\" height=\"").append(Xml.number(at.height())).append("\"/>");
            out.append("<text class=\"label\" x=\"").append(Xml.number(at.x() + LABEL_PAD)).append("\" y=\"")
                    .append(Xml.number(at.y() + at.height() - 4)).append("\">").append(Xml.escape(label))
                    .append("</text>");
        }
        out.append("</g>\n");
    }

    /** Where a count goes on an edge without a label: beside the middle of its longest segment. */
    private static Layout.Box middle(List<Layout.Point> points) {
        Layout.Point from = points.get(0);
        Layout.Point to = points.get(1);
        for (int i = 1; i < points.size(); i++) {
            Layout.Point a = points.get(i - 1);
            Layout.Point b = points.get(i);
            if (Math.abs(b.x() - a.x()) + Math.abs(b.y() - a.y()) > Math.abs(to.x() - from.x()) + Math.abs(to.y() - from.y())) {
                from = a;
                to = b;
            }
        }
        return new Layout.Box((from.x() + to.x()) / 2 + 3, (from.y() + to.y()) / 2 - GraphLayout.LINE / 2, 0,
                GraphLayout.LINE);
    }

    /** The state a node id stands for in {@code block}, or null for a marker. */
    private static String stateName(String id, StateGraph.Block block) {
        StateGraph.Node node = block.node(id);
        return node == null ? null : node.name();
    }

    /** A swatch and the word of each status, in a row below the diagram. */
    private void legend(double top) {
        out.append("<g class=\"legend\">");
        double x = LEGEND_PAD;
        for (ExecutionPath.Status status : ExecutionPath.Status.values()) {
            out.append("<g class=\"swatch status-").append(status.word()).append("\">");
            rect(new Layout.Box(x, top + 6, 14, 14), "shape", 3);
            out.append("</g>");
            text(x + 19, top + 17, null, legendWord(status));
            x += legendItemWidth(status);
        }
        out.append("</g>\n");
    }

    private static String legendWord(ExecutionPath.Status status) {
        return status.word().replace('-', ' ');
    }

    private static double legendItemWidth(ExecutionPath.Status status) {
        return 19 + TextWidth.of(legendWord(status), GraphLayout.SMALL_FONT) + 14;
    }

    private static double legendWidth() {
        double width = LEGEND_PAD;
        for (ExecutionPath.Status status : ExecutionPath.Status.values()) {
            width += legendItemWidth(status);
        }
        return width;
    }

    private void attribute(String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"").append(Xml.escape(value)).append('"');
        }
    }

    private void rect(Layout.Box box, String cssClass, double radius) {
        out.append("<rect");
        attribute("class", cssClass);
        out.append(" x=\"").append(Xml.number(box.x())).append("\" y=\"").append(Xml.number(box.y()))
                .append("\" width=\"").append(Xml.number(box.width())).append("\" height=\"")
                .append(Xml.number(box.height())).append("\" rx=\"").append(Xml.number(radius)).append("\"/>");
    }

    private void text(double x, double y, String cssClass, String text) {
        out.append("<text");
        attribute("class", cssClass);
        out.append(" x=\"").append(Xml.number(x)).append("\" y=\"").append(Xml.number(y)).append("\">")
                .append(Xml.escape(text)).append("</text>\n");
    }
}
