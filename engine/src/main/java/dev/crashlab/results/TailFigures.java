package dev.crashlab.results;

import dev.crashlab.metrics.tail.DrawdownEpisode;
import dev.crashlab.metrics.tail.TailMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The tail and pain figures of a series of period returns as results.json holds them: those of
 * {@code dev.crashlab.metrics.tail.TailMetrics}, whose Javadoc defines each (the quantile rule,
 * signs and units), under shorter names; {@link TailMetric} describes each for display. Returns
 * and drawdowns are fractions (−0.05 is a 5 % loss), days calendar days; an undefined figure (too
 * few periods) is NaN, {@code null} in the file.
 *
 * @param periods               n, the number of period returns
 * @param var95                 historical VaR at 95 %: the lower 5 % quantile, x<sub>(k)</sub>, k = ⌈0.05 n⌉
 * @param cvar95                historical CVaR at 95 %: the mean of the k worst returns
 * @param var99                 historical VaR at 99 %, k = ⌈0.01 n⌉
 * @param cvar99                historical CVaR at 99 %
 * @param tailRatio             |upper 5 % quantile| / |lower 5 % quantile|
 * @param skewness              bias-corrected sample skewness G1
 * @param excessKurtosis        bias-corrected sample excess kurtosis G2
 * @param ulcerIndex            root mean square drawdown of the index after each period
 * @param painIndex             mean absolute drawdown of the index after each period
 * @param longestUnderwaterDays the longest time under water, days
 * @param drawdowns             every drawdown episode of the index, in time order: the
 *                              distribution of drawdown durations, and recovery time against depth
 */
public record TailFigures(int periods, double var95, double cvar95, double var99, double cvar99, double tailRatio,
        double skewness, double excessKurtosis, double ulcerIndex, double painIndex, double longestUnderwaterDays,
        List<DrawdownRow> drawdowns) {

    /**
     * The upper ends, in calendar days, of the bins that {@link #durationCounts} sorts drawdown
     * episodes into: [0, 1), [1, 7), [7, 30), [30, 90), [90, 180), [180, 365), then 365 days or more.
     * Durations are heavy-tailed (many dips of a day, a few bear markets of years), so the bins
     * widen.
     */
    public static final List<Double> DURATION_BINS = List.of(1.0, 7.0, 30.0, 90.0, 180.0, 365.0);

    public TailFigures {
        drawdowns = List.copyOf(drawdowns);
    }

    /**
     * Returns the distribution of drawdown durations: how many episodes spent a time under water
     * ({@link DrawdownRow#underwaterDays}, to the end for one not recovered) in each bin of
     * {@link #DURATION_BINS}, the last bin open-ended ({@code DURATION_BINS.size() + 1} counts).
     */
    public int[] durationCounts() {
        int[] counts = new int[DURATION_BINS.size() + 1];
        for (DrawdownRow d : drawdowns) {
            int bin = 0;
            while (bin < DURATION_BINS.size() && d.underwaterDays() >= DURATION_BINS.get(bin)) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }

    /**
     * Returns the figures of {@code m}, each as results.json holds it, its episodes' steps mapped to
     * the run's steps by {@code stepOf} (the identity for a whole run, {@code PeriodSubset::step}
     * for a subset) and timed by {@code stepTimes} (UTC epoch ms).
     */
    public static TailFigures of(TailMetrics m, long[] stepTimes, IntUnaryOperator stepOf) {
        List<DrawdownRow> rows = new ArrayList<>(m.episodes().size());
        for (DrawdownEpisode e : m.episodes()) {
            rows.add(new DrawdownRow(at(stepTimes, stepOf, e.peakStep()), at(stepTimes, stepOf, e.troughStep()),
                    e.recovered() ? at(stepTimes, stepOf, e.recoveryStep()) : null, Figures.figure(e.depth()),
                    Figures.figure(e.daysToTrough()), Figures.figure(e.daysToRecover()), Figures.figure(e.underwaterDays())));
        }
        return new TailFigures(m.count(), Figures.figure(m.valueAtRisk95()), Figures.figure(m.conditionalValueAtRisk95()),
                Figures.figure(m.valueAtRisk99()), Figures.figure(m.conditionalValueAtRisk99()), Figures.figure(m.tailRatio()),
                Figures.figure(m.skewness()), Figures.figure(m.excessKurtosis()), Figures.figure(m.ulcerIndex()),
                Figures.figure(m.painIndex()), Figures.figure(m.longestUnderwaterDays()), rows);
    }

    /** Returns the figures of the period returns of a whole curve: {@code equity} with cumulative flows {@code contributions} at {@code stepTimes}. */
    public static TailFigures ofEquity(double[] equity, double[] contributions, long[] stepTimes) {
        return of(TailMetrics.ofEquity(equity, contributions, stepTimes), stepTimes, k -> k);
    }

    private static Instant at(long[] stepTimes, IntUnaryOperator stepOf, int k) {
        return Instant.ofEpochMilli(stepTimes[stepOf.applyAsInt(k)]);
    }
}
