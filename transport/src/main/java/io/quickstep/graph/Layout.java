package io.quickstep.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of a {@link StateGraph} is drawn, in SVG user units from the top left: a box per
 * state, marker and block (a block's box is its frame), and a route per edge.
 */
final class Layout {
    /** A rectangle. */
    record Box(double x, double y, double width, double height) {
        Box moved(double dx, double dy) {
            return new Box(x + dx, y + dy, width, height);
        }

        double centerX() {
            return x + width / 2;
        }
    }

    /** A point of a route. */
    record Point(double x, double y) {
    }

    /**
     * An edge's polyline from its source to its target, and its label's box (null without a label).
     */
    record Route(List<Point> points, Box label) {
        Route moved(double dx, double dy) {
            List<Point> moved = new ArrayList<>(points.size());
            points.forEach(p -> moved.add(new Point(p.x() + dx, p.y() + dy)));
            return new Route(moved, label == null ? null : label.moved(dx, dy));
        }
    }

    final Map<String, Box> boxes = new LinkedHashMap<>();
    final Map<String, Route> routes = new LinkedHashMap<>();

    Box box(String id) {
        return boxes.get(id);
    }

    Route route(String id) {
        return routes.get(id);
    }

    /** Adds everything of {@code other}, moved by (dx, dy). */
    void addAll(Layout other, double dx, double dy) {
        other.boxes.forEach((id, box) -> boxes.put(id, box.moved(dx, dy)));
        other.routes.forEach((id, route) -> routes.put(id, route.moved(dx, dy)));
    }
}
