package dev.crashlab;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * The nearest of a set of names to a mistyped one, for error messages that suggest a fix:
 * {@code intialCash: unknown field; did you mean initialCash?}.
 */
public final class Names {

    private Names() {
    }

    /**
     * Returns {@code "; did you mean X?"} for the name of {@code names} closest to {@code name}
     * (case ignored) when it is within two edits, or a third of the name's length for longer
     * names, and is not {@code name} itself; else {@code ""}. Ties go to the first in
     * {@code names}' order.
     */
    public static String didYouMean(String name, Collection<String> names) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 3);
        return names.stream().filter(n -> !n.equals(name))
                .filter(n -> distance(n.toLowerCase(Locale.ROOT), wanted) <= limit)
                .min(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), wanted)))
                .map(n -> "; did you mean " + n + "?").orElse("");
    }

    /** Returns the Levenshtein distance of {@code a} and {@code b}: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
