package dev.crashlab.metrics.selection;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The probabilistic Sharpe ratio (Bailey and López de Prado 2012, "The Sharpe Ratio Efficient
 * Frontier", Journal of Risk 15(2)) is the probability that the true Sharpe ratio of a track
 * record exceeds a benchmark SR*, given its estimate, its length and the shape of its returns:
 *
 * <pre>
 * PSR(SR*) = Φ( (SR − SR*) √(n − 1) / √(1 − γ₃ SR + (γ₄ − 1) / 4 · SR²) )
 * </pre>
 *
 * with SR the per-period (not annualised) Sharpe ratio, n the number of returns, γ₃ their
 * skewness, γ₄ their kurtosis (not in excess) and Φ the standard normal distribution function.
 * The denominator is the asymptotic standard deviation of SR for IID non-normal returns (Mertens
 * 2002); for normal returns it is √(1 + SR² / 2) (Lo 2002). SR and SR* must be in the same unit:
 * an annualised Sharpe ratio is SR · √P for P periods a year, so divide it by √P first.
 */
public final class ProbabilisticSharpeRatio {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private ProbabilisticSharpeRatio() {
    }

    /** Returns PSR(SR*) of {@code estimate} against the per-period {@code benchmarkSharpe}. */
    public static double of(SharpeEstimate estimate, double benchmarkSharpe) {
        return of(estimate.sharpe(), benchmarkSharpe, estimate.observations(), estimate.skewness(), estimate.kurtosis());
    }

    /**
     * Returns PSR(SR*) for a per-period Sharpe ratio {@code sharpe} over {@code observations}
     * returns of skewness {@code skewness} and kurtosis {@code kurtosis} (not in excess), against
     * {@code benchmarkSharpe}. NaN when any input is NaN, when there are fewer than two
     * observations, or when the variance term 1 − γ₃ SR + (γ₄ − 1) / 4 · SR² is not positive
     * (moments no distribution has).
     */
    public static double of(double sharpe, double benchmarkSharpe, int observations, double skewness, double kurtosis) {
        if (observations < 2) {
            return Double.NaN;
        }
        double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(variance > 0)) {
            return Double.NaN;
        }
        double z = (sharpe - benchmarkSharpe) * Math.sqrt(observations - 1) / Math.sqrt(variance);
        return Double.isNaN(z) ? Double.NaN : STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * Returns the minimum track record length (Bailey and López de Prado 2012): the number of
     * returns n at which PSR(SR*) reaches {@code confidence} for a track record with this Sharpe
     * ratio, skewness and kurtosis,
     * MinTRL = 1 + (1 − γ₃ SR + (γ₄ − 1) / 4 · SR²) · (Φ⁻¹(confidence) / (SR − SR*))², in periods
     * (divide by P for years). Infinite when SR &lt;= SR*: no length is enough; NaN for NaN input.
     *
     * @throws IllegalArgumentException when {@code confidence} is not in (0, 1)
     */
    public static double minimumTrackRecordLength(double sharpe, double benchmarkSharpe, double skewness,
            double kurtosis, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: expected a probability in (0, 1), got " + confidence);
        }
        double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (Double.isNaN(variance) || Double.isNaN(benchmarkSharpe)) {
            return Double.NaN;
        }
        if (sharpe <= benchmarkSharpe) {
            return Double.POSITIVE_INFINITY;
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence) / (sharpe - benchmarkSharpe);
        return 1 + variance * z * z;
    }
}
