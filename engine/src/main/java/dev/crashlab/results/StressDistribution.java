package dev.crashlab.results;

import java.util.List;
import java.util.Objects;

/**
 * The distribution of one figure over a set of stress paths.
 *
 * @param metric     the figure's name (a field of {@link StressFigures})
 * @param defined    the number of paths where it is defined (quantiles, mean and histogram use only those)
 * @param mean       its mean
 * @param quantiles  its quantiles at {@link Quantiles#LEVELS}, by {@link Quantiles}' rule
 * @param historical its value on the real history, to compare with
 * @param binEdges   the histogram's bin edges: equal bins from the lowest to the highest value
 *                   (one more edge than bins; a single edge when every value is the same)
 * @param binCounts  the number of paths in each bin, each bin holding its lower edge, the last
 *                   also its upper edge
 */
public record StressDistribution(String metric, int defined, double mean, List<QuantileValue> quantiles, double historical,
        List<Double> binEdges, List<Integer> binCounts) {

    public StressDistribution {
        Objects.requireNonNull(metric, "metric");
        quantiles = List.copyOf(quantiles);
        binEdges = List.copyOf(binEdges);
        binCounts = List.copyOf(binCounts);
        if (!binCounts.isEmpty() && binEdges.size() != binCounts.size() + 1 || binCounts.isEmpty() && binEdges.size() > 1) {
            throw new ResultsException("binEdges", "expected one more edge than bins (" + binCounts.size() + "), got "
                    + binEdges.size());
        }
    }

    /** Returns the quantile at {@code level}, NaN when the distribution does not hold it. */
    public double quantile(double level) {
        return quantiles.stream().filter(q -> q.level() == level).mapToDouble(QuantileValue::value).findFirst()
                .orElse(Double.NaN);
    }

    /**
     * A quantile of a distribution.
     *
     * @param level its level, such as 0.05
     * @param value the value
     */
    public record QuantileValue(double level, double value) {
    }
}
