package dev.crashlab.metrics.tail;

import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.metrics.ReturnMoments;
import java.util.List;

/**
 * The tail and pain figures of one series of period returns: how bad the bad periods were
 * (value at risk, expected shortfall, tail ratio, skewness, kurtosis) and how long and deep the
 * time-weighted index stayed below its peaks (ulcer and pain index, time under water, the
 * drawdown episodes).
 *
 * <p>Conventions, fractions not percent, NaN where the sample cannot give a figure:
 *
 * <ul>
 *   <li><b>Returns.</b> r<sub>1</sub>..r<sub>n</sub> are the period returns of {@link
 *       PerformanceMetrics#periodReturns} (time-weighted, external flows removed), one between
 *       each two consecutive steps; step t has time t<sub>t</sub>, UTC epoch milliseconds,
 *       t = 0..n.</li>
 *   <li><b>Quantile rule.</b> With the returns sorted ascending, x<sub>(1)</sub> &lt;= … &lt;=
 *       x<sub>(n)</sub>, the lower q-quantile is the order statistic x<sub>(k)</sub>,
 *       k = ⌈n q⌉ (the inverse of the empirical distribution function, Hyndman and Fan's type 1;
 *       not the linear interpolation, type 7, of pandas' {@code quantile} or numpy's
 *       {@code percentile}). k is computed in integers, so n = 100 at q = 5 % gives k = 5.</li>
 *   <li><b>VaR</b> at 95 % and 99 % is that lower 5 % and 1 % quantile, <b>as a return</b>: a
 *       loss is negative (−0.04 is a 4 % loss), and a VaR above 0 says that even the bad
 *       periods gained.</li>
 *   <li><b>CVaR</b> (expected shortfall) at the same level is the mean of the k worst returns
 *       x<sub>(1)</sub>..x<sub>(k)</sub>, of which VaR is the best: the mean of the returns at or
 *       below VaR, except that a return tied with VaR beyond the k-th is not counted (so a
 *       strategy flat on most days does not dilute its shortfall with zeros). CVaR &lt;= VaR.</li>
 *   <li><b>Tail ratio</b> = |x<sub>(n + 1 − k)</sub>| / |x<sub>(k)</sub>|, k = ⌈0.05 n⌉: the
 *       k-th best over the k-th worst return, each the 5 % quantile of its own tail by the rule
 *       above, so the ratio is symmetric; above 1 when the right tail is the longer. NaN when
 *       x<sub>(k)</sub> = 0.</li>
 *   <li><b>Skewness and excess kurtosis</b>: the bias-corrected sample G1 and G2 of {@link
 *       ReturnMoments} (commons-math3's, pandas' {@code skew()} and {@code kurt()}).</li>
 *   <li><b>Drawdowns</b> are those of the index I<sub>0</sub> = 1,
 *       I<sub>t</sub> = I<sub>t−1</sub>(1 + r<sub>t</sub>):
 *       d<sub>t</sub> = I<sub>t</sub> / max<sub>s≤t</sub> I<sub>s</sub> − 1 &lt;= 0, as in
 *       {@link dev.crashlab.metrics.Metrics}' maxDrawdown.</li>
 *   <li><b>Ulcer index</b> (Martin and McCann 1989) = √((1/n) Σ<sub>t=1..n</sub> d<sub>t</sub>²),
 *       over the n index values after each return, in fractions (Martin's percent points are 100
 *       times it).</li>
 *   <li><b>Pain index</b> (Zephyr) = (1/n) Σ<sub>t=1..n</sub> |d<sub>t</sub>|, over the same values.</li>
 *   <li><b>Longest time under water</b>: the longest {@link DrawdownEpisode#underwaterDays}, in
 *       calendar days, from a peak to its recovery or to the last step; 0 when the index never
 *       fell. It equals {@link dev.crashlab.metrics.Metrics#maxDrawdownDays()}.</li>
 * </ul>
 *
 * <p>Short samples give NaN, never an exception: the quantile figures need 2 returns, skewness
 * 3, excess kurtosis 4, the ulcer and pain index 1.
 *
 * @param count               n, the number of period returns
 * @param valueAtRisk95       historical VaR at 95 %: the lower 5 % quantile, a return
 * @param conditionalValueAtRisk95 historical CVaR at 95 %: mean of the worst ⌈0.05 n⌉ returns
 * @param valueAtRisk99       historical VaR at 99 %: the lower 1 % quantile, a return
 * @param conditionalValueAtRisk99 historical CVaR at 99 %: mean of the worst ⌈0.01 n⌉ returns
 * @param tailRatio           |upper 5 % quantile| / |lower 5 % quantile|
 * @param skewness            G1, bias-corrected sample skewness
 * @param excessKurtosis      G2, bias-corrected sample excess kurtosis
 * @param ulcerIndex          root mean square drawdown, a fraction
 * @param painIndex           mean absolute drawdown, a fraction
 * @param longestUnderwaterDays the longest time under water, calendar days
 * @param episodes            every drawdown episode, in time order
 */
public record TailMetrics(int count, double valueAtRisk95, double conditionalValueAtRisk95, double valueAtRisk99,
        double conditionalValueAtRisk99, double tailRatio, double skewness, double excessKurtosis, double ulcerIndex,
        double painIndex, double longestUnderwaterDays, List<DrawdownEpisode> episodes) {

    /** Keeps the list of episodes unmodifiable. */
    public TailMetrics {
        episodes = List.copyOf(episodes);
    }

    /**
     * Returns the tail and pain figures of the period returns {@code returns}
     * (r<sub>1</sub>..r<sub>n</sub>) between steps at {@code stepTimes} (t<sub>0</sub>..t<sub>n</sub>,
     * UTC epoch milliseconds, one more than the returns).
     *
     * @throws IllegalArgumentException when {@code stepTimes} does not hold one time more than
     *                                  {@code returns}
     */
    public static TailMetrics of(double[] returns, long[] stepTimes) {
        int n = returns.length;
        if (stepTimes.length != n + 1) {
            throw new IllegalArgumentException("expected " + (n + 1) + " step times for " + n
                    + " period returns, got " + stepTimes.length);
        }
        int k5 = tailCount(n, 5);
        // The tails need the k5 smallest returns in order and the k5-th largest, not a sort of all.
        double[] lowest = LowerTail.of(returns, k5);
        double[] index = new double[n + 1];
        index[0] = 1;
        double peak = 1;
        double squares = 0;
        double absolute = 0;
        for (int t = 1; t <= n; t++) {
            index[t] = index[t - 1] * (1 + returns[t - 1]);
            peak = Math.max(peak, index[t]);
            double drawdown = index[t] / peak - 1;
            squares += drawdown * drawdown;
            absolute -= drawdown;
        }
        List<DrawdownEpisode> episodes = DrawdownEpisode.of(stepTimes, index);
        double longest = episodes.stream().mapToDouble(DrawdownEpisode::underwaterDays).max().orElse(0);
        ReturnMoments moments = ReturnMoments.of(returns);
        double lower5 = valueAtRisk(lowest, n, 5);
        double upper5 = n < 2 ? Double.NaN : lowest[k5];
        return new TailMetrics(n, lower5, shortfall(lowest, n, k5), valueAtRisk(lowest, n, 1),
                shortfall(lowest, n, tailCount(n, 1)),
                lower5 == 0 ? Double.NaN : Math.abs(upper5) / Math.abs(lower5), moments.skewness(),
                moments.excessKurtosis(), n == 0 ? Double.NaN : Math.sqrt(squares / n),
                n == 0 ? Double.NaN : absolute / n, longest, episodes);
    }

    /**
     * Returns the tail and pain figures of the equity curve {@code equity} with cumulative external
     * flows {@code contributed} (or {@code null}), at {@code stepTimes}: those of its period returns
     * {@link PerformanceMetrics#periodReturns}.
     */
    public static TailMetrics ofEquity(double[] equity, double[] contributed, long[] stepTimes) {
        return of(PerformanceMetrics.periodReturns(equity, contributed), stepTimes);
    }

    /** Returns k = ⌈n · percent / 100⌉, the number of returns in the lower {@code percent} % tail. */
    static int tailCount(int n, int percent) {
        return Math.ceilDiv(n * percent, 100);
    }

    /**
     * Returns the lower {@code percent} % quantile of {@code n} returns, from their smallest in
     * ascending order ({@link LowerTail}); NaN below 2 returns.
     */
    private static double valueAtRisk(double[] lowest, int n, int percent) {
        return n < 2 ? Double.NaN : lowest[tailCount(n, percent) - 1];
    }

    /** Returns the mean of the {@code k} smallest of {@code n} returns, from their smallest in ascending order; NaN below 2 returns. */
    private static double shortfall(double[] lowest, int n, int k) {
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += lowest[i];
        }
        return sum / k;
    }
}
