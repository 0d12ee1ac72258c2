package io.rebalancer.engine.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys, symbols, choices and zones: the closest candidate by edit distance. */
final class Suggestions {
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word} ignoring case, or null when none is close enough to be a likely typo:
     * one edit for words of up to three letters, two up to eight, three beyond. Ties go to the earlier candidate.
     */
    static String closest(final String word, final Collection<String> candidates) {
        final String lower = word.toLowerCase(Locale.ROOT);
        final int allowed = word.length() <= 3 ? 1 : word.length() <= 8 ? 2 : MAX_DISTANCE;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : candidates) {
            final int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Edits (insert, delete, substitute, swap two adjacent letters) from {@code a} to {@code b}: the optimal
     * string alignment distance, so the common typo "riks" for "risk" counts as one edit.
     */
    static int distance(final String a, final String b) {
        final int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
