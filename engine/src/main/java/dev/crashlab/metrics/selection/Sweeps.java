package dev.crashlab.metrics.selection;

/** Checks on the matrix of a sweep's period returns, one row a variant. */
final class Sweeps {

    private Sweeps() {
    }

    /**
     * Checks that {@code returns} has at least one variant and that every variant has as many
     * periods as the first.
     *
     * @throws IllegalArgumentException naming the first variant whose length differs
     */
    static void requireRectangular(double[][] returns) {
        if (returns.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one variant, got none");
        }
        int periods = returns[0].length;
        for (int v = 1; v < returns.length; v++) {
            if (returns[v].length != periods) {
                throw new IllegalArgumentException("variant " + v + " has " + returns[v].length
                        + " period returns but variant 0 has " + periods + "; all variants must cover the same periods");
            }
        }
    }
}
