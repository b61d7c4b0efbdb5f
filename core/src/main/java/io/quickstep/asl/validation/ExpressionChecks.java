package io.quickstep.asl.validation;

import io.quickstep.intrinsics.IntrinsicSyntaxException;
import io.quickstep.intrinsics.Intrinsics;
import io.quickstep.path.JsonPath;
import io.quickstep.path.PathSyntaxException;

/**
 * The syntax of JSONPath paths and intrinsic function calls, as the engine compiles them. Each
 * check answers null when the text is valid, otherwise why it is not.
 */
final class ExpressionChecks {
    /**
     * Deeper bracket nesting is refused before parsing: the path and intrinsic parsers recurse once
     * per level, and text, unlike JSON, has no parser-enforced nesting limit.
     */
    static final int MAX_NESTING = 512;
    private static final String TOO_DEEP = "Nesting depth exceeds the maximum allowed (" + MAX_NESTING + ")";

    private ExpressionChecks() {
    }

    /** A JSONPath path: {@code $...} (input), {@code $$...} (context object) or {@code $name...} (variable). */
    static String pathProblem(String text) {
        return problem(text, false);
    }

    /** A Reference Path: a path that addresses one node (names and indexes only). */
    static String referencePathProblem(String text) {
        return problem(text, true);
    }

    private static String problem(String text, boolean reference) {
        if (!text.startsWith("$")) {
            return "Reference path didn't start with '$'";
        }
        if (nesting(text) > MAX_NESTING) {
            return TOO_DEEP;
        }
        JsonPath path;
        try {
            path = JsonPath.compile(text);
        } catch (PathSyntaxException e) {
            return e.getMessage();
        }
        return reference && !path.isReferencePath()
                ? "Reference path contains wildcards, filters, slices or unions" : null;
    }

    /**
     * How deep ( and [ nest in the text. Brackets inside quoted text count too, which can only
     * refuse expressions no one writes.
     */
    private static int nesting(String text) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    /** Whether text is written as an intrinsic function call, {@code States.Name(...)}. */
    static boolean isIntrinsic(String text) {
        return Intrinsics.isIntrinsic(text);
    }

    static String intrinsicProblem(String text) {
        if (nesting(text) > MAX_NESTING) {
            return TOO_DEEP;
        }
        try {
            Intrinsics.compile(text);
            return null;
        } catch (IntrinsicSyntaxException e) {
            return e.getMessage();
        }
    }
}
