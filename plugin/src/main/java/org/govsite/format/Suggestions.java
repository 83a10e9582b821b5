package org.govsite.format;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for a mistyped key: the nearest known key within a small edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> nearest(String typed, Collection<String> known) {
        int limit = Math.max(2, typed.length() / 3);
        return known.stream()
                .filter(k -> distance(typed, k) <= limit)
                .min(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
