package io.quickstep.path;

/** A JSONPath that cannot be compiled; the message names the path and the position of the fault. */
public final class PathSyntaxException extends IllegalArgumentException {
    private final String path;
    private final int position;

    PathSyntaxException(String path, int position, String reason) {
        super("Invalid JSONPath '" + path + "' at position " + position + ": " + reason);
        this.path = path;
        this.position = position;
    }

    /** The text that failed to compile. */
    public String path() {
        return path;
    }

    /** The 0-based index into {@link #path()} where the fault was found. */
    public int position() {
        return position;
    }
}
