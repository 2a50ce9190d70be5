package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgrees;
import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.BinaryOperationIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

class RealizedVolatilityTest {

    private static final double HAND_COMPUTED = 1e-12;
    private static final double PLAIN_LOOP_AGREEMENT = 1e-9;

    @Test
    void isTheAnnualisedSampleDeviationOfOneBarReturns() {
        // returns 0.1 and -0.1: mean 0, sample variance (0.01 + 0.01) / 1
        double[] values = TestBars.closes(100, 110, 99).feed(new RealizedVolatility(2, 365));

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isNaN();
        assertThat(values[2]).isCloseTo(Math.sqrt(0.02) * Math.sqrt(365), within(HAND_COMPUTED));
    }

    @Test
    void isExactlyZeroOnceTheWindowHoldsOnlyFlatBars() {
        double[] values = TestBars.closes(100, 130, 80, 80, 80, 80, 80).feed(new RealizedVolatility(3, 252));

        assertThat(values[3]).isPositive();
        assertThat(values[4]).isPositive();
        assertThat(values[5]).isZero();
        assertThat(values[6]).isZero();
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}, {2} periods a year")
    @CsvSource({"1, 2, 365", "2, 3, 252", "3, 20, 365", "4, 63, 252", "5, 365, 52"})
    void agreesWithAPlainLoopOnARandomWalk(long seed, int barCount, double periodsPerYear) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);

        assertAgrees(bars.feed(new RealizedVolatility(barCount, periodsPerYear)),
                plainLoop(bars.closes(), barCount, periodsPerYear), barCount, PLAIN_LOOP_AGREEMENT);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 2", "2, 20", "3, 365"})
    void agreesWithTa4jPopulationDeviationTimesTheSampleCorrection(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        // ROC is 0 at the first bar, where a quotient by the previous close would be NaN and poison
        // ta4j's running sums.
        Indicator<Num> returns = BinaryOperationIndicator.quotient(
                new ROCIndicator(new ClosePriceIndicator(bars.toTa4j()), 1), 100);
        // ta4j divides by n, a sample deviation by n - 1
        double sampleCorrection = Math.sqrt(barCount / (barCount - 1.0));

        assertAgreesWithTa4j(bars.feed(new RealizedVolatility(barCount, 365)),
                BinaryOperationIndicator.product(new StandardDeviationIndicator(returns, barCount),
                        sampleCorrection * Math.sqrt(365)),
                barCount);
    }

    @Test
    void refusesABarCountBelowTwo() {
        assertThatThrownBy(() -> new RealizedVolatility(1, 365)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RealizedVolatility barCount must be at least 2, got 1");
    }

    @Test
    void refusesPeriodsPerYearThatAreNotFiniteAndPositive() {
        assertThatThrownBy(() -> new RealizedVolatility(20, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RealizedVolatility periodsPerYear must be finite and positive, got 0.0");
        assertThatThrownBy(() -> new RealizedVolatility(20, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RealizedVolatility periodsPerYear must be finite and positive, got NaN");
        assertThatThrownBy(() -> new RealizedVolatility(20, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RealizedVolatility periodsPerYear must be finite and positive, got Infinity");
    }

    /** Returns the annualised sample deviation of each window's returns, computed afresh in two passes. */
    private static double[] plainLoop(double[] closes, int barCount, double periodsPerYear) {
        double[] values = new double[closes.length];
        for (int i = barCount; i < closes.length; i++) {
            double mean = 0;
            for (int j = i - barCount + 1; j <= i; j++) {
                mean += closes[j] / closes[j - 1] - 1;
            }
            mean /= barCount;
            double squares = 0;
            for (int j = i - barCount + 1; j <= i; j++) {
                double deviation = closes[j] / closes[j - 1] - 1 - mean;
                squares += deviation * deviation;
            }
            values[i] = Math.sqrt(squares / (barCount - 1)) * Math.sqrt(periodsPerYear);
        }
        return values;
    }
}
