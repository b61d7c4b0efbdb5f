package io.quickstep.compiler;

/**
 * StringMatches patterns: {@code *} matches any run of characters, {@code \*} a literal star and
 * {@code \\} a literal backslash. Matched directly, without building a regular expression.
 */
final class StringPattern {
    private StringPattern() {
    }

    static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int start = t; start <= text.length(); start++) {
                    if (matches(pattern, p + 1, text, start)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                c = pattern.charAt(++p);
            }
            if (t >= text.length() || text.charAt(t) != c) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
