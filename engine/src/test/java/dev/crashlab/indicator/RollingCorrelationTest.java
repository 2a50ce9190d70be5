package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgrees;
import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static dev.crashlab.indicator.BarIndicatorTest.allocatedBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.helpers.FixedNumIndicator;
import org.ta4j.core.indicators.statistics.CorrelationCoefficientIndicator;

class RollingCorrelationTest {

    private static final double HAND_COMPUTED = 1e-12;
    private static final double TWO_PASS_AGREEMENT = 1e-9;
    // What measuring allocates, at most; one allocation per update would be megabytes.
    private static final long ALLOCATION_NOISE_BYTES = 64 * 1024;

    @Test
    void isOneForStreamsThatMoveTogetherAndMinusOneForOpposites() {
        RollingCorrelation together = feed(new RollingCorrelation(3), new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 9});
        RollingCorrelation opposite = feed(new RollingCorrelation(3), new double[] {1, 2, 3}, new double[] {8, 6, 4});

        assertThat(together.value(3)).isNaN();
        assertThat(together.value(2)).isNaN();
        assertThat(together.value(1)).isCloseTo(1, within(HAND_COMPUTED));
        assertThat(together.value()).isCloseTo(0.9933992677987828, within(HAND_COMPUTED)); // 2,3,4 vs 4,6,9
        assertThat(opposite.value()).isCloseTo(-1, within(HAND_COMPUTED));
    }

    @Test
    void isUndefinedWhileAStreamIsConstantOverTheWindow() {
        // Chosen so that the sums, updated incrementally, keep a rounding residue once the first
        // stream turns constant: without the check the correlation there would be about 1e-9.
        double[] a = {-0.037, 0.035, 0.026, -0.024, 0.01, 0.01, 0.01, 0.01, 0.01};
        double[] b = {8, 8, 8, 7, 4, 2, 8, 1, 7};

        double[] values = history(feed(new RollingCorrelation(3), a, b));

        assertThat(values[2]).isNaN(); // b constant
        assertThat(values[3]).isFinite();
        assertThat(values[5]).isFinite();
        assertThat(values[6]).isNaN(); // a constant from here on
        assertThat(values[7]).isNaN();
        assertThat(values[8]).isNaN();
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}, true correlation {2}")
    @CsvSource({"1, 2, 0.5", "2, 3, 0", "3, 20, 0.9", "4, 60, -0.7", "5, 250, 0.3"})
    void agreesWithTa4jOnCorrelatedReturns(long seed, int barCount, double rho) {
        int count = 5_000;
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[count];
        double[] b = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = 0.02 * random.nextGaussian();
            b[i] = rho * a[i] + Math.sqrt(1 - rho * rho) * 0.03 * random.nextGaussian();
        }
        BarSeries series = TestBars.randomWalk(seed, count).toTa4j();

        RollingCorrelation correlation = feed(new RollingCorrelation(barCount, count), a, b);

        assertAgreesWithTa4j(history(correlation), new CorrelationCoefficientIndicator(new FixedNumIndicator(series, a),
                new FixedNumIndicator(series, b), barCount), barCount - 1);
    }

    @Test
    void doesNotDriftOverAMillionUpdatesOfTrendingPriceLevels() {
        int count = 1_000_000;
        int barCount = 30;
        SplittableRandom random = new SplittableRandom(17);
        double[] a = new double[count];
        double[] b = new double[count];
        double logA = Math.log(10_000);
        double logB = Math.log(50);
        for (int i = 0; i < count; i++) {
            double common = 0.001 * random.nextGaussian();
            logA += common + 0.001 * random.nextGaussian() + 2e-6;
            logB += common + 0.002 * random.nextGaussian() - 3e-6;
            a[i] = Math.exp(logA);
            b[i] = Math.exp(logB);
        }

        RollingCorrelation correlation = feed(new RollingCorrelation(barCount, count), a, b);

        assertAgrees(history(correlation), twoPass(a, b, barCount), barCount - 1, TWO_PASS_AGREEMENT);
    }

    @Test
    void anUpdateAllocatesNothingOnceTheHistoryIsPresized() {
        int count = 100_000;
        feed(new RollingCorrelation(20, 0), new double[count], new double[count]); // loads and links the classes
        RollingCorrelation correlation = new RollingCorrelation(20, count);

        long before = allocatedBytes();
        for (int i = 0; i < count; i++) {
            correlation.update(i % 7, i % 5);
        }
        long allocated = allocatedBytes() - before;

        assertThat(allocated).isLessThan(ALLOCATION_NOISE_BYTES);
    }

    @Test
    void refusesABarCountBelowTwo() {
        assertThatThrownBy(() -> new RollingCorrelation(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RollingCorrelation barCount must be at least 2, got 1");
    }

    @Test
    void refusesANegativeCapacityHint() {
        assertThatThrownBy(() -> new RollingCorrelation(2, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RollingCorrelation capacityHint must be at least 0, got -5");
    }

    private static RollingCorrelation feed(RollingCorrelation correlation, double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            correlation.update(a[i], b[i]);
        }
        return correlation;
    }

    /** Returns the indicator's values, oldest first. */
    private static double[] history(RollingCorrelation correlation) {
        double[] values = new double[correlation.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = correlation.value(values.length - 1 - i);
        }
        return values;
    }

    /** Returns each window's Pearson correlation, computed afresh in two passes. */
    private static double[] twoPass(double[] a, double[] b, int barCount) {
        double[] values = new double[a.length];
        for (int i = barCount - 1; i < a.length; i++) {
            double meanA = 0;
            double meanB = 0;
            for (int j = i - barCount + 1; j <= i; j++) {
                meanA += a[j];
                meanB += b[j];
            }
            meanA /= barCount;
            meanB /= barCount;
            double squaresA = 0;
            double squaresB = 0;
            double products = 0;
            for (int j = i - barCount + 1; j <= i; j++) {
                squaresA += (a[j] - meanA) * (a[j] - meanA);
                squaresB += (b[j] - meanB) * (b[j] - meanB);
                products += (a[j] - meanA) * (b[j] - meanB);
            }
            values[i] = products / Math.sqrt(squaresA * squaresB);
        }
        return values;
    }
}
