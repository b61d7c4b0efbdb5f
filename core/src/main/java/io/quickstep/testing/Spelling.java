package io.quickstep.testing;

import java.util.Collection;
import java.util.Locale;

/** Near misses among names: "did you mean" for a name that is almost one of the names it should be. */
final class Spelling {
    private Spelling() {
    }

    /**
     * {@code ; did you mean 'X'?} for the candidate nearest to {@code name} (letter case aside, a
     * letter added, dropped, changed or two swapped counting one each) when it is within a third of
     * the name's length (a name of one or two letters: only in another case), else the empty string.
     * Ties go to the first candidate in iteration order.
     */
    static String didYouMean(String name, Collection<String> candidates) {
        String nearest = null;
        int best = name.length() / 3 + 1;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        return nearest == null ? "" : "; did you mean '" + nearest + "'?";
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
