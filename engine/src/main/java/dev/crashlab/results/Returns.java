package dev.crashlab.results;

import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.metrics.tail.DrawdownEpisode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The return series of a run that results.json does not hold as such, derived from its equity and
 * flows with the conventions of {@code dev.crashlab.metrics.Metrics}: period returns
 * r(t) = E(t) / (E(t-1) + F(t)) - 1 exactly as the engine computes them (0 when the denominator is
 * not positive, at least -1), the time-weighted index I = Π(1 + r) starting at 1, drawdowns of
 * that index and their episodes, rolling Sharpe ratio and volatility, and monthly and yearly
 * returns. Reports draw these; they compute none of them.
 */
public final class Returns {

    private Returns() {
    }

    /**
     * Returns {@link PerformanceMetrics#periodReturns}'s r(1)..r(N-1) at indices 1..N-1, so that the
     * charts' index and drawdowns are those the metrics were computed from; r(0) is 0, and so is the
     * return to an equity value results.json does not hold.
     */
    public static double[] periodReturns(double[] equity, double[] contributions) {
        double[] engine = PerformanceMetrics.periodReturns(equity, contributions);
        double[] r = new double[equity.length];
        for (int t = 1; t < r.length; t++) {
            r[t] = Double.isFinite(engine[t - 1]) ? engine[t - 1] : 0;
        }
        return r;
    }

    /** Returns the time-weighted index I(t) = Π(1 + r), starting at 1. */
    public static double[] index(double[] returns) {
        double[] index = new double[returns.length];
        double level = 1;
        for (int t = 0; t < returns.length; t++) {
            level *= 1 + (t == 0 ? 0 : returns[t]);
            index[t] = level;
        }
        return index;
    }

    /** Returns I(t) / max(I(s), s <= t) - 1 at each step. */
    public static double[] drawdown(double[] index) {
        double[] dd = new double[index.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < index.length; t++) {
            peak = Math.max(peak, index[t]);
            dd[t] = peak > 0 ? index[t] / peak - 1 : 0;
        }
        return dd;
    }

    /**
     * A drawdown episode of the time-weighted index.
     *
     * @param peak     the step of the peak it fell from
     * @param trough   the step of its lowest point
     * @param recovery the step it regained the peak, or -1 when it had not by the end
     * @param depth    the lowest I / peak - 1, a negative fraction
     * @param days     calendar days from the peak to the recovery (or to the last step)
     */
    public record Drawdown(int peak, int trough, int recovery, double depth, double days) {
    }

    /**
     * Returns the {@code count} deepest drawdown episodes of {@code index}, deepest first: the
     * episodes of {@link DrawdownEpisode#of}, with their time under water as {@code days}.
     */
    public static List<Drawdown> worstDrawdowns(long[] times, double[] index, int count) {
        return DrawdownEpisode.of(times, index).stream()
                .map(e -> new Drawdown(e.peakStep(), e.troughStep(), e.recoveryStep(), e.depth(), e.underwaterDays()))
                .sorted(Comparator.comparingDouble(Drawdown::depth).thenComparingInt(Drawdown::peak))
                .limit(count)
                .toList();
    }

    /**
     * Returns the rolling annualised Sharpe ratio and volatility over the trailing {@code window}
     * period returns, with the conventions of the metrics (sample standard deviation,
     * (mean - rf / P) / stdev * √P); NaN until the window is full or when the returns do not vary.
     *
     * @return two arrays: Sharpe, then volatility
     */
    public static double[][] rolling(double[] returns, int window, double periodsPerYear, double riskFreeRate) {
        int n = returns.length;
        double[] sharpe = new double[n];
        double[] vol = new double[n];
        double rf = Double.isFinite(riskFreeRate) ? riskFreeRate / periodsPerYear : 0;
        double sum = 0;
        double sumSq = 0;
        double scale = Math.sqrt(periodsPerYear);
        for (int t = 0; t < n; t++) {
            if (t >= 1) {
                sum += returns[t];
                sumSq += returns[t] * returns[t];
            }
            if (t - window >= 1) {
                sum -= returns[t - window];
                sumSq -= returns[t - window] * returns[t - window];
            }
            if (t < window || window < 2) {
                sharpe[t] = Double.NaN;
                vol[t] = Double.NaN;
                continue;
            }
            double mean = sum / window;
            double variance = Math.max(0, (sumSq - window * mean * mean) / (window - 1));
            double sd = Math.sqrt(variance);
            vol[t] = sd * scale;
            sharpe[t] = sd > 1e-12 ? (mean - rf) / sd * scale : Double.NaN;
        }
        return new double[][] {sharpe, vol};
    }

    /**
     * Returns the rolling beta of {@code returns} to {@code benchmark} over the trailing
     * {@code window} period returns r(t-window+1..t): their covariance over the benchmark's
     * variance, as the beta metric is defined (both with the same denominator, so it cancels); NaN
     * until the window is full, where a return is not finite, or when the benchmark does not vary.
     * Both arrays are indexed by step, r(0) unused, as {@link #periodReturns} gives them.
     */
    public static double[] rollingBeta(double[] returns, double[] benchmark, int window) {
        int n = returns.length;
        double[] beta = new double[n];
        for (int t = 0; t < n; t++) {
            beta[t] = Double.NaN;
            if (t < window || window < 2) {
                continue;
            }
            double meanR = 0;
            double meanB = 0;
            boolean finite = true;
            for (int k = t - window + 1; k <= t; k++) {
                finite &= Double.isFinite(returns[k]) && Double.isFinite(benchmark[k]);
                meanR += returns[k];
                meanB += benchmark[k];
            }
            if (!finite) {
                continue;
            }
            meanR /= window;
            meanB /= window;
            double cov = 0;
            double var = 0;
            for (int k = t - window + 1; k <= t; k++) {
                cov += (returns[k] - meanR) * (benchmark[k] - meanB);
                var += (benchmark[k] - meanB) * (benchmark[k] - meanB);
            }
            beta[t] = var > 1e-18 ? cov / var : Double.NaN;
        }
        return beta;
    }

    /**
     * A histogram of returns: {@code counts[k]} values fell in
     * [{@code from + k·width}, {@code from + (k+1)·width}).
     *
     * @param from   the lower edge of the first bin, a multiple of {@code width}
     * @param width  the width of every bin, as a fraction (0.01 is one percentage point)
     * @param counts how many values fell in each bin
     */
    public record Histogram(double from, double width, int[] counts) {

        /** Returns the number of values counted. */
        public int total() {
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            return total;
        }
    }

    /**
     * Returns the histogram of the finite {@code values} in bins of {@code width} aligned on its
     * multiples (so a bin edge falls on 0); no bins when no value is finite.
     */
    public static Histogram histogram(double[] values, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("a histogram's bin width must be positive, got " + width);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new Histogram(0, width, new int[0]);
        }
        long first = (long) Math.floor(min / width);
        int bins = (int) ((long) Math.floor(max / width) - first + 1);
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[(int) Math.min(bins - 1, Math.max(0, (long) Math.floor(v / width) - first))]++;
            }
        }
        return new Histogram(first * width, width, counts);
    }

    /** Returns the number of steps in about {@code days} calendar days at {@code periodsPerYear} steps a year. */
    public static int stepsIn(int days, double periodsPerYear) {
        return Math.max(2, (int) Math.round(days * periodsPerYear / 365.0));
    }

    /**
     * Returns the compounded return of each calendar month (UTC) that has steps, keyed by
     * {@code year * 12 + month - 1}, in time order; a month's return runs from the previous
     * month's last close to its own last close.
     */
    public static Map<Integer, Double> monthly(long[] times, double[] returns) {
        return grouped(times, returns, true);
    }

    /** Returns the compounded return of each calendar year (UTC) that has steps, keyed by year. */
    public static Map<Integer, Double> yearly(long[] times, double[] returns) {
        return grouped(times, returns, false);
    }

    private static Map<Integer, Double> grouped(long[] times, double[] returns, boolean byMonth) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int t = 0; t < times.length; t++) {
            LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(times[t]), ZoneOffset.UTC);
            int key = byMonth ? d.getYear() * 12 + d.getMonthValue() - 1 : d.getYear();
            double r = t == 0 ? 0 : returns[t];
            out.merge(key, r, (a, b) -> (1 + a) * (1 + b) - 1);
        }
        return out;
    }
}
