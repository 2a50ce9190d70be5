package dev.crashlab.metrics;

import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The first four moments of a sample of period returns, by the bias-corrected sample estimators
 * of commons-math3, which are also those of pandas' {@code Series.std()}, {@code skew()} and
 * {@code kurt()} and of {@code scipy.stats.skew(x, bias=False)} and
 * {@code kurtosis(x, bias=False)}. With n returns x<sub>i</sub>, mean m and
 * s² = Σ(x<sub>i</sub> − m)² / (n − 1):
 *
 * <ul>
 *   <li>standardDeviation = s (sample, n − 1), as in {@link Metrics}' volatility and Sharpe;</li>
 *   <li>skewness G1 = n / ((n − 1)(n − 2)) · Σ((x<sub>i</sub> − m) / s)³, needing n &gt;= 3;</li>
 *   <li>excessKurtosis G2 = n(n + 1) / ((n − 1)(n − 2)(n − 3)) · Σ((x<sub>i</sub> − m) / s)⁴
 *       − 3(n − 1)² / ((n − 2)(n − 3)), needing n &gt;= 4; 0 for a normal distribution.</li>
 * </ul>
 *
 * A figure the sample cannot give is NaN: the mean of no returns, the deviation of fewer than
 * two, skewness and kurtosis of fewer than three and four, and both of returns that do not vary
 * (0 / 0).
 *
 * @param count             n, the number of returns
 * @param mean              arithmetic mean return per period
 * @param standardDeviation sample standard deviation per period
 * @param skewness          G1, bias-corrected sample skewness
 * @param excessKurtosis    G2, bias-corrected sample excess kurtosis
 */
public record ReturnMoments(int count, double mean, double standardDeviation, double skewness,
        double excessKurtosis) {

    /** Returns the moments of {@code returns}, NaN where the sample is too short for one. */
    public static ReturnMoments of(double[] returns) {
        int n = returns.length;
        return new ReturnMoments(n, n == 0 ? Double.NaN : new Mean().evaluate(returns),
                n < 2 ? Double.NaN : new StandardDeviation().evaluate(returns),
                n < 3 ? Double.NaN : new Skewness().evaluate(returns),
                n < 4 ? Double.NaN : new Kurtosis().evaluate(returns));
    }

    /** Returns the kurtosis, not in excess: excessKurtosis + 3, 3 for a normal distribution. */
    public double kurtosis() {
        return excessKurtosis + 3;
    }
}
