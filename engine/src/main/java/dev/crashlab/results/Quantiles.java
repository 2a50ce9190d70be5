package dev.crashlab.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Quantiles and shares over stress paths, by one rule wherever they are computed (the stress
 * document, the page, a risk rule), so that a rule's {@code stress.quantile(cagr, 0.05)} equals
 * the 5 % quantile the page shows.
 *
 * <h2>Rule</h2>
 * With the n defined values (NaN left out) sorted ascending, x<sub>(1)</sub> &lt;= … &lt;=
 * x<sub>(n)</sub>, the quantile at level p is the order statistic x<sub>(k)</sub>, k = max(1,
 * ⌈n p⌉), the inverse of the empirical distribution function (Hyndman and Fan's type 1, the rule
 * of the tail metrics' VaR): always a value some path had, never an interpolation between two. n
 * p is computed in decimal, so 1,000 paths at 0.05 give k = 50 exactly. NaN without defined
 * values.
 */
public final class Quantiles {

    /** The levels every stress distribution and fan holds: 1, 5, 25, 50, 75, 95 and 99 %. */
    public static final List<Double> LEVELS = List.of(0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99);

    private Quantiles() {
    }

    /**
     * Returns the quantile at {@code level} of the ascending, NaN-free {@code sorted} (see the rule).
     *
     * @throws IllegalArgumentException when the level is outside [0, 1]
     */
    public static double ofSorted(double[] sorted, double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("expected a quantile level in [0, 1], got " + level);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int k = new BigDecimal(Double.toString(level)).multiply(BigDecimal.valueOf(sorted.length))
                .setScale(0, RoundingMode.CEILING).intValueExact();
        return sorted[Math.max(1, k) - 1];
    }

    /** Returns the defined values of {@code values}, sorted ascending. */
    public static double[] sortedDefined(double[] values) {
        double[] out = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(out);
        return out;
    }

    /** Returns the quantile at {@code level} of the defined values of {@code values}. */
    public static double of(double[] values, double level) {
        return ofSorted(sortedDefined(values), level);
    }

    /** Returns the share of {@code items} for which {@code event} holds, 0 for none. */
    public static <T> double share(List<T> items, Predicate<? super T> event) {
        if (items.isEmpty()) {
            return 0;
        }
        long count = items.stream().filter(event).count();
        return (double) count / items.size();
    }
}
