package io.quickstep.intrinsics;

/**
 * Entry point for intrinsic function calls ({@code States.Format(...)} and the other seventeen).
 * A call is parsed once into a tree of literals, paths and nested calls, and evaluated as often as
 * needed.
 */
public final class Intrinsics {

    private Intrinsics() {
    }

    /** Whether {@code text} is written as an intrinsic call, i.e. starts with {@code States.}. */
    public static boolean isIntrinsic(String text) {
        return text != null && text.startsWith("States.");
    }

    /**
     * Parses a call; throws {@link IntrinsicSyntaxException} for bad syntax, an unknown function,
     * a wrong number of arguments or an invalid path argument.
     */
    public static Intrinsic compile(String text) {
        return IntrinsicParser.parse(text);
    }
}
