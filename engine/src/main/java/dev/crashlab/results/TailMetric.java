package dev.crashlab.results;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A figure of {@link TailFigures} as reports show it and risk rules name it ({@code tail.cvar95}):
 * its field, a label, how it is formatted, which direction is better and its definition, after
 * the Javadoc of {@code dev.crashlab.metrics.tail.TailMetrics}, which is the reference.
 *
 * @param field      the field name in results.json
 * @param value      reads the figure
 * @param label      the row label
 * @param kind       how the value is formatted
 * @param better     +1 when higher is better, -1 when lower is better, 0 when neither
 * @param definition what the figure is, in a sentence or two
 */
public record TailMetric(String field, ToDoubleFunction<TailFigures> value, String label, MetricKind kind, int better,
        String definition) {

    /** Every tail figure, in the order reports list them. */
    public static final List<TailMetric> ALL = List.of(
            new TailMetric("var95", TailFigures::var95, "VaR 95 %", MetricKind.PERCENT, 1,
                    "Historical value at risk: the lower 5 % quantile of the period returns, the k-th worst of n,"
                            + " k = ceil(0.05 n), as a return (a loss is negative)."),
            new TailMetric("cvar95", TailFigures::cvar95, "CVaR 95 %", MetricKind.PERCENT, 1,
                    "Expected shortfall: the mean of the k = ceil(0.05 n) worst period returns."),
            new TailMetric("var99", TailFigures::var99, "VaR 99 %", MetricKind.PERCENT, 1,
                    "The lower 1 % quantile of the period returns, the k-th worst, k = ceil(0.01 n)."),
            new TailMetric("cvar99", TailFigures::cvar99, "CVaR 99 %", MetricKind.PERCENT, 1,
                    "The mean of the k = ceil(0.01 n) worst period returns."),
            new TailMetric("tailRatio", TailFigures::tailRatio, "Tail ratio", MetricKind.RATIO, 1,
                    "|k-th best| / |k-th worst| period return, k = ceil(0.05 n): above 1 when the right tail is the"
                            + " longer."),
            new TailMetric("skewness", TailFigures::skewness, "Skewness", MetricKind.RATIO, 1,
                    "Bias-corrected sample skewness (G1) of the period returns; negative when large losses outweigh"
                            + " large gains."),
            new TailMetric("excessKurtosis", TailFigures::excessKurtosis, "Excess kurtosis", MetricKind.RATIO, 0,
                    "Bias-corrected sample excess kurtosis (G2): above 0, fatter tails than a normal distribution."),
            new TailMetric("ulcerIndex", TailFigures::ulcerIndex, "Ulcer index", MetricKind.PERCENT, -1,
                    "Root mean square of the drawdowns of the time-weighted index after each period (Martin and"
                            + " McCann 1989)."),
            new TailMetric("painIndex", TailFigures::painIndex, "Pain index", MetricKind.PERCENT, -1,
                    "Mean absolute drawdown of the time-weighted index after each period."),
            new TailMetric("longestUnderwaterDays", TailFigures::longestUnderwaterDays, "Longest under water",
                    MetricKind.DAYS, -1,
                    "The longest time, in calendar days, from a peak of the index to its recovery, or to the end."));

    /** Returns the tail figure of {@code field}, if there is one. */
    public static Optional<TailMetric> of(String field) {
        return ALL.stream().filter(m -> m.field.equals(field)).findFirst();
    }

    /** Returns the names of every tail figure, in order. */
    public static List<String> fields() {
        return ALL.stream().map(TailMetric::field).toList();
    }

    /** Returns this figure in {@code tail}: NaN when undefined. */
    public double of(TailFigures tail) {
        return value.applyAsDouble(tail);
    }

    /** Returns the index of the best finite value of {@code values}, the first of equal ones, or -1 when none is finite (as {@link Metric#bestOf}). */
    public int bestOf(double[] values) {
        return Metric.bestOf(values, better);
    }
}
