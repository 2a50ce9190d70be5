package dev.crashlab.metrics.selection;

import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The deflated Sharpe ratio of the best of N trials (Bailey and López de Prado 2014, "The
 * Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and
 * Non-Normality", Journal of Portfolio Management 40(5)): the {@linkplain ProbabilisticSharpeRatio
 * probabilistic Sharpe ratio} of the selected trial against the Sharpe ratio that the best of N
 * trials without skill would be expected to show,
 *
 * <pre>
 * SR*₀ = √V · ( (1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)) ),    DSR = PSR(SR*₀)
 * </pre>
 *
 * with V the variance of the N trials' Sharpe ratios, γ ≈ 0.5772 the Euler–Mascheroni constant,
 * e Euler's number and Φ⁻¹ the standard normal quantile function (the paper's approximation of
 * the expected maximum of N independent normal draws). Every Sharpe ratio here is per period, as
 * in {@link SharpeEstimate}; an annualised V is V<sub>annual</sub> / P.
 *
 * <p>N counts independent trials. The variants of a parameter sweep are correlated, so their
 * count overstates the effective N, which raises SR*₀ and makes the DSR conservative. The paper
 * proposes clustering the trials to estimate the effective N; that is not done here: {@link
 * #ofSweep} takes N as the number of variants, and {@link #of} takes whatever N the caller has.
 *
 * @param trials                N, the number of trials the selected one was chosen from
 * @param trialSharpeVariance   V, the variance of the trials' per-period Sharpe ratios
 * @param expectedMaximumSharpe SR*₀, per period
 * @param selected              the index of the selected trial ({@link #ofSweep}'s best
 *                              variant), or −1 when the estimate was given
 * @param estimate              the selected trial's Sharpe estimate; {@code null} when {@link
 *                              #ofSweep} found no variant with a Sharpe ratio
 * @param probability           DSR = PSR(SR*₀), a probability in [0, 1]; NaN when undefined
 */
public record DeflatedSharpeRatio(int trials, double trialSharpeVariance, double expectedMaximumSharpe, int selected,
        SharpeEstimate estimate, double probability) {

    /** The Euler–Mascheroni constant γ. */
    static final double EULER_MASCHERONI = 0.5772156649015329;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * Returns SR*₀, the expected maximum per-period Sharpe ratio of {@code trials} trials without
     * skill whose Sharpe ratios have variance {@code trialSharpeVariance}. One trial selects
     * nothing: its expected maximum is the mean, 0 (the formula's Φ⁻¹(0) would be −∞).
     *
     * @throws IllegalArgumentException when {@code trials} is below 1
     */
    public static double expectedMaximumSharpe(int trials, double trialSharpeVariance) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (trials == 1) {
            return 0;
        }
        double n = trials;
        double z = (1 - EULER_MASCHERONI) * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / n)
                + EULER_MASCHERONI * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1 / (n * Math.E));
        return Math.sqrt(trialSharpeVariance) * z;
    }

    /**
     * Returns the DSR of {@code estimate}, selected as the best of {@code trials} trials whose
     * per-period Sharpe ratios have variance {@code trialSharpeVariance}.
     */
    public static DeflatedSharpeRatio of(SharpeEstimate estimate, int trials, double trialSharpeVariance) {
        double benchmark = expectedMaximumSharpe(trials, trialSharpeVariance);
        return new DeflatedSharpeRatio(trials, trialSharpeVariance, benchmark, -1, estimate,
                ProbabilisticSharpeRatio.of(estimate, benchmark));
    }

    /**
     * Returns the DSR of the best variant of a sweep. {@code returns[v]} holds variant v's period
     * returns, every variant over the same periods. The best is the variant with the highest
     * per-period Sharpe ratio (no risk-free rate; the lowest index among equals; a variant whose
     * Sharpe ratio is NaN, one that never varied, is never chosen). N is the number of variants;
     * V is the sample variance (N − 1 in the denominator) of the finite Sharpe ratios. With no
     * finite Sharpe ratio the result's probability is NaN, {@code selected} −1 and {@code estimate}
     * null; V of a single finite one is 0.
     *
     * @throws IllegalArgumentException when there is no variant or the variants' lengths differ
     */
    public static DeflatedSharpeRatio ofSweep(double[][] returns) {
        SharpeEstimate[] estimates = estimates(returns);
        int best = -1;
        for (int v = 0; v < estimates.length; v++) {
            double sr = estimates[v].sharpe();
            if (Double.isFinite(sr) && (best < 0 || sr > estimates[best].sharpe())) {
                best = v;
            }
        }
        return deflate(estimates, best);
    }

    /**
     * Returns the DSR of variant {@code selected} of a sweep, chosen by the caller's own rule (a
     * sweep ranked by CAGR or drawdown selects another variant than the highest Sharpe ratio):
     * N and V as in {@link #ofSweep(double[][])}, the estimate that of the selected variant. The
     * probability is NaN when the selected variant's Sharpe ratio is (it never varied).
     *
     * @throws IllegalArgumentException when there is no variant, the variants' lengths differ or
     *                                  {@code selected} is not a variant's index
     */
    public static DeflatedSharpeRatio ofSweep(double[][] returns, int selected) {
        if (selected < 0 || selected >= returns.length) {
            throw new IllegalArgumentException("selected: expected a variant from 0 to " + (returns.length - 1) + ", got "
                    + selected);
        }
        return deflate(estimates(returns), selected);
    }

    /**
     * Returns the Sharpe estimate of every variant of a rectangular sweep, on the common fork-join
     * pool: each variant's moments are a pass bound by the latency of a division per return
     * (half a second for 10,000 variants of 2,900 periods), and independent of the others'.
     */
    private static SharpeEstimate[] estimates(double[][] returns) {
        Sweeps.requireRectangular(returns);
        SharpeEstimate[] estimates = new SharpeEstimate[returns.length];
        IntStream.range(0, returns.length).parallel().forEach(v -> estimates[v] = SharpeEstimate.of(returns[v]));
        return estimates;
    }

    /** Returns the DSR of {@code estimates[selected]} among all of {@code estimates}; −1 selects none. */
    private static DeflatedSharpeRatio deflate(SharpeEstimate[] estimates, int selected) {
        int n = estimates.length;
        int finite = 0;
        double sum = 0;
        for (SharpeEstimate e : estimates) {
            if (Double.isFinite(e.sharpe())) {
                finite++;
                sum += e.sharpe();
            }
        }
        double mean = finite == 0 ? Double.NaN : sum / finite;
        double squares = 0;
        for (SharpeEstimate e : estimates) {
            if (Double.isFinite(e.sharpe())) {
                squares += (e.sharpe() - mean) * (e.sharpe() - mean);
            }
        }
        double variance = finite < 2 ? (finite == 1 ? 0 : Double.NaN) : squares / (finite - 1);
        if (selected < 0) {
            return new DeflatedSharpeRatio(n, variance, Double.NaN, -1, null, Double.NaN);
        }
        double benchmark = expectedMaximumSharpe(n, variance);
        return new DeflatedSharpeRatio(n, variance, benchmark, selected, estimates[selected],
                ProbabilisticSharpeRatio.of(estimates[selected], benchmark));
    }
}
