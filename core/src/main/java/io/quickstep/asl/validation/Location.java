package io.quickstep.asl.validation;

import io.quickstep.json.Json;

/**
 * Where in the definition a diagnostic points, written as AWS writes it: a JSON Pointer for
 * object members ({@code /States/Charge/Next}, segments escaped per RFC 6901) with an array element
 * appended to its field as {@code [i]} ({@code /States/Charge/Catch[0]/Next}), which is how AWS's
 * diagnostics name array elements. The root is {@code /}.
 */
final class Location {
    static final Location ROOT = new Location("");

    private final String path;

    private Location(String path) {
        this.path = path;
    }

    Location field(String name) {
        return new Location(path + "/" + Json.pointerSegment(name));
    }

    Location index(int i) {
        return new Location(path + "[" + i + "]");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? "/" : path;
    }
}
