package io.quickstep.intrinsics;

/** An intrinsic call that cannot be compiled; the message names the text and the position of the fault. */
public final class IntrinsicSyntaxException extends IllegalArgumentException {
    private final String text;
    private final int position;

    IntrinsicSyntaxException(String text, int position, String reason) {
        super("Invalid intrinsic function call '" + text + "' at position " + position + ": " + reason);
        this.text = text;
        this.position = position;
    }

    /** The text that failed to compile. */
    public String text() {
        return text;
    }

    /** The 0-based index into {@link #text()} where the fault was found. */
    public int position() {
        return position;
    }
}
