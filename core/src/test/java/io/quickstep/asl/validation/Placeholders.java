package io.quickstep.asl.validation;

import io.quickstep.testing.ResultMatcher;

/**
 * The conformance corpus's rule for expected strings, as {@link ResultMatcher} applies it, extended
 * to the null messages and locations of validation cases: a null expected value matches only null.
 */
final class Placeholders {
    private Placeholders() {
    }

    static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        return ResultMatcher.isPlaceholder(expected) || ResultMatcher.textMatches(expected, actual);
    }
}
