package dev.crashlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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
}
