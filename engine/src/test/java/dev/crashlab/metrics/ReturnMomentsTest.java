package dev.crashlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The moments against the formulas written out, and against scipy's bias-corrected values. */
class ReturnMomentsTest {

    @Test
    void skewnessAndKurtosisAreTheBiasCorrectedSampleEstimatorsG1AndG2() {
        double[] x = {0.1, -0.2, 0.05, 0.3, -0.1, 0.02};
        int n = x.length;
        double mean = 0.17 / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        double s = Math.sqrt(m2 / (n - 1));
        double g1 = (double) n / ((n - 1) * (n - 2)) * m3 / (s * s * s);
        double g2 = (double) n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * m4 / (s * s * s * s)
                - 3.0 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));

        ReturnMoments m = ReturnMoments.of(x);

        assertThat(m.mean()).isCloseTo(mean, within(1e-15));
        assertThat(m.standardDeviation()).isCloseTo(s, within(1e-15));
        assertThat(m.skewness()).isCloseTo(g1, within(1e-13));
        assertThat(m.excessKurtosis()).isCloseTo(g2, within(1e-13));
        // scipy.stats.skew(x, bias=False) and kurtosis(x, bias=False):
        assertThat(m.skewness()).isCloseTo(0.37725706016533145, within(1e-14));
        assertThat(m.excessKurtosis()).isCloseTo(0.503725937216271, within(1e-14));
        assertThat(m.kurtosis()).isCloseTo(3.503725937216271, within(1e-14));
    }

    @Test
    void aSampleTooShortForAMomentGivesNaN() {
        assertThat(ReturnMoments.of(new double[0]).mean()).isNaN();
        assertThat(ReturnMoments.of(new double[] {0.1}).standardDeviation()).isNaN();
        assertThat(ReturnMoments.of(new double[] {0.1, 0.2}).skewness()).isNaN();
        assertThat(ReturnMoments.of(new double[] {0.1, 0.2, 0.4}).excessKurtosis()).isNaN();
        assertThat(ReturnMoments.of(new double[] {0.1, 0.1, 0.1, 0.1}).skewness()).isNaN();
    }

    /**
     * The fused passes give commons-math3's figures to the last bit (results files depend on it):
     * seeded samples of every short length and some long ones, returns of a day's size, wide
     * ones, repeated values and zeros (a strategy out of the market).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theMomentsAreCommonsMathsToTheLastBit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 9, 31, 250, 4_001, 100_000}) {
            double[] x = new double[n];
            double scale = Math.pow(10, random.nextInt(-6, 3));
            for (int i = 0; i < n; i++) {
                x[i] = switch (random.nextInt(8)) {
                    case 0 -> 0;
                    case 1 -> i > 0 ? x[i - 1] : 0.01;
                    default -> random.nextGaussian() * scale + (seed % 2 == 0 ? scale / 3 : 0);
                };
            }
            ReturnMoments m = ReturnMoments.of(x);
            assertThat(m.count()).isEqualTo(n);
            assertThat(bits(m.mean())).as("mean, n=%d", n).isEqualTo(bits(n == 0 ? Double.NaN : new Mean().evaluate(x)));
            assertThat(bits(m.standardDeviation())).as("sd, n=%d", n)
                    .isEqualTo(bits(n < 2 ? Double.NaN : new StandardDeviation().evaluate(x)));
            assertThat(bits(m.skewness())).as("skewness, n=%d", n)
                    .isEqualTo(bits(n < 3 ? Double.NaN : new Skewness().evaluate(x)));
            assertThat(bits(m.excessKurtosis())).as("kurtosis, n=%d", n)
                    .isEqualTo(bits(n < 4 ? Double.NaN : new Kurtosis().evaluate(x)));
        }
    }

    /** The allocation-free fourth power is commons-math3's FastMath.pow(x, 4.0), special values included. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void theFourthPowerIsFastMathsToTheLastBit(long seed) {
        double[] special = {0.0, -0.0, 1, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e77, -1e77, 1e78, 1e-80, -1e-80, 1e-300,
            0.999999999, -0.5, 3.0};
        for (double x : special) {
            assertThat(Double.doubleToRawLongBits(ReturnMoments.fourthPower(x))).as("x=%s", x)
                    .isEqualTo(Double.doubleToRawLongBits(FastMath.pow(x, 4.0)));
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < 50_000; k++) {
            double x = k % 2 == 0 ? random.nextGaussian() * Math.pow(10, random.nextInt(-12, 12))
                    : Double.longBitsToDouble(random.nextLong());
            assertThat(Double.doubleToRawLongBits(ReturnMoments.fourthPower(x))).as("x=%s", x)
                    .isEqualTo(Double.doubleToRawLongBits(FastMath.pow(x, 4.0)));
        }
    }

    /** The bits of {@code x}, every NaN as one: equal bits are the same double, −0 apart from 0. */
    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
