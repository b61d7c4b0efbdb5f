package io.quickstep.compiler;

/**
 * StringMatches patterns: {@code *} matches any run of characters, {@code \*} a literal star and
 * {@code \\} a literal backslash. Matched directly, without building a regular expression, in time
 * linear in pattern times text: on a mismatch only the last star is re-tried, one character further.
 */
final class StringPattern {
    private StringPattern() {
    }

    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = ++p;
                starT = t;
                continue;
            }
            if (p < pattern.length()) {
                boolean escaped = pattern.charAt(p) == '\\' && p + 1 < pattern.length();
                char expected = escaped ? pattern.charAt(p + 1) : pattern.charAt(p);
                if (expected == text.charAt(t)) {
                    p += escaped ? 2 : 1;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP;
            t = ++starT;
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
