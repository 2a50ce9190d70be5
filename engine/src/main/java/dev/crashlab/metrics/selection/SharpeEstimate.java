package dev.crashlab.metrics.selection;

import dev.crashlab.metrics.ReturnMoments;

/**
 * A Sharpe ratio estimated from a track record, with what its uncertainty depends on: the
 * per-period (not annualised) Sharpe ratio SR = (mean(r) − r<sub>f</sub>) / s, its number of
 * returns n, and the skewness γ<sub>3</sub> and kurtosis γ<sub>4</sub> (not in excess: 3 for
 * normal returns) of those returns.
 *
 * <p>The moments are those of {@link ReturnMoments}: the sample standard deviation s (n − 1, as
 * in {@link dev.crashlab.metrics.Metrics}' Sharpe ratio, which is SR · √P for P periods a year
 * and r<sub>f</sub> = rf / P), and the bias-corrected G1 and G2 + 3. Bailey and López de Prado
 * write the moments without a small-sample correction; the two differ by O(1/n).
 *
 * @param sharpe       SR, per period
 * @param observations n, the number of period returns
 * @param skewness     γ<sub>3</sub> of the returns
 * @param kurtosis     γ<sub>4</sub> of the returns, not in excess
 */
public record SharpeEstimate(double sharpe, int observations, double skewness, double kurtosis) {

    /** Returns the estimate from {@code returns} with no risk-free rate. */
    public static SharpeEstimate of(double[] returns) {
        return of(returns, 0);
    }

    /**
     * Returns the estimate from {@code returns} in excess of {@code riskFreePerPeriod}; the
     * Sharpe ratio is NaN for fewer than two returns or returns that do not vary.
     */
    public static SharpeEstimate of(double[] returns, double riskFreePerPeriod) {
        ReturnMoments m = ReturnMoments.of(returns);
        double sd = m.standardDeviation();
        double sharpe = sd > 0 ? (m.mean() - riskFreePerPeriod) / sd : Double.NaN;
        return new SharpeEstimate(sharpe, m.count(), m.skewness(), m.kurtosis());
    }
}
