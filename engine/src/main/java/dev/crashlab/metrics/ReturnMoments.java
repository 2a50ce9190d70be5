package dev.crashlab.metrics;

import org.apache.commons.math3.util.FastMath;

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

    /**
     * Returns the moments of {@code returns}, NaN where the sample is too short for one.
     *
     * <p>The figures are commons-math3 3.6.1's {@code Mean}, {@code StandardDeviation},
     * {@code Skewness} and {@code Kurtosis} to the last bit (a test holds them to it), computed
     * in three passes instead of their eight: each sum is still taken in index order with the
     * same operations, only the loops are fused. commons-math's kurtosis takes its mean from an
     * incremental (Welford) update and raises every deviation to the fourth power with
     * {@code FastMath.pow}, which allocates six objects a value; both are reproduced here as they
     * are, so that a results file does not move. On a 1,000,000-bar run this was most of the
     * result's time and about 190 B a bar.
     */
    public static ReturnMoments of(double[] returns) {
        int n = returns.length;
        if (n == 0) {
            return new ReturnMoments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double n0 = n;
        // Pass 1: the plain sum (Mean's first estimate) and the incremental mean and second moment
        // of Variance.incrementAll (FirstMoment and SecondMoment.increment), which Kurtosis uses.
        double sum = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < n; i++) {
            double x = returns[i];
            sum += x;
            double dev = x - m1;
            double nDev = dev / (double) (i + 1);
            m1 += nDev;
            m2 += ((double) (i + 1) - 1) * dev * nDev;
        }
        // Pass 2: Mean.evaluate's correction of the first estimate.
        double xbar = sum / n0;
        double correction = 0;
        for (int i = 0; i < n; i++) {
            correction += returns[i] - xbar;
        }
        double mean = xbar + correction / n0;
        if (n < 2) {
            return new ReturnMoments(n, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        // Pass 3: Variance.evaluate's (and Skewness') squares and deviations about the mean,
        // Skewness' cubes, and Kurtosis' fourth powers about its own incremental mean.
        double squares = 0;
        double deviations = 0;
        double cubes = 0;
        double fourths = 0;
        for (int i = 0; i < n; i++) {
            double dev = returns[i] - mean;
            squares += dev * dev;
            deviations += dev;
            cubes += dev * dev * dev;
            fourths += fourthPower(returns[i] - m1);
        }
        double variance = (squares - deviations * deviations / n0) / (n0 - 1.0);
        double skewness = Double.NaN;
        if (n >= 3) {
            skewness = n0 / ((n0 - 1) * (n0 - 2)) * (cubes / (variance * FastMath.sqrt(variance)));
        }
        double kurtosis = Double.NaN;
        if (n >= 4) {
            double standardDeviation = FastMath.sqrt(m2 / (n0 - 1));
            double coefficientOne = n0 * (n0 + 1) / ((n0 - 1) * (n0 - 2) * (n0 - 3));
            double termTwo = 3 * FastMath.pow(n0 - 1, 2.0) / ((n0 - 2) * (n0 - 3));
            kurtosis = coefficientOne * (fourths / FastMath.pow(standardDeviation, 4.0)) - termTwo;
        }
        return new ReturnMoments(n, mean, FastMath.sqrt(variance), skewness, kurtosis);
    }

    /**
     * Returns {@code FastMath.pow(x, 4.0)} of commons-math3 3.6.1 to the last bit, allocating
     * nothing: its {@code Split.pow(4)} (Veltkamp double-double squaring, twice, then a product
     * with one), transcribed with its special cases. The expressions must not be simplified:
     * they rely on the rounding of each operation.
     */
    static double fourthPower(double x) {
        // d2p = x, squared twice.
        double high = splitHigh(x);
        double low = x - high;
        double full = x;
        for (int square = 0; square < 2; square++) {
            double product = full * full;
            double productHigh = splitHigh(product);
            double productLow = product - productHigh;
            double error = low * low - (((product - high * high) - low * high) - high * low);
            low = productLow + error;
            high = productHigh;
            full = joined(high, low);
        }
        // result = Split(1) × d2p.
        double product = 1.0 * full;
        double productHigh = splitHigh(product);
        double productLow = product - productHigh;
        double error = 0.0 * low - (((product - 1.0 * high) - 0.0 * high) - 1.0 * low);
        double result = joined(productHigh, productLow + error);
        if (Double.isNaN(result)) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            // Intermediate overflow: commons-math answers 0 (signed like x) below 1 in size, else +∞ (an even power).
            return Math.abs(x) < 1 ? joined(Math.copySign(0.0, x), 0.0) : Double.POSITIVE_INFINITY;
        }
        return result;
    }

    /** The high half of {@code x}: its 26 leading significand bits (Split(double)). */
    private static double splitHigh(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & (-1L << 27));
    }

    /** The full value of a double-double (high, low) as Split(double, double) forms it, keeping a −0. */
    private static double joined(double high, double low) {
        if (high == 0.0) {
            return low == 0.0 && Double.doubleToRawLongBits(high) == Long.MIN_VALUE ? -0.0 : low;
        }
        return high + low;
    }

    /** Returns the kurtosis, not in excess: excessKurtosis + 3, 3 for a normal distribution. */
    public double kurtosis() {
        return excessKurtosis + 3;
    }
}
