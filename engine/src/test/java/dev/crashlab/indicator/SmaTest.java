package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgrees;
import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class SmaTest {

    // A sum resummed every 1,024 bars is exact to a few hundred roundings; a plain running sum drifts far beyond this.
    private static final double DRIFT_TOLERANCE = 1e-12;
    private static final int LONG_RUN_BARS = 1_000_000;

    @Test
    void averagesTheLastBarCountCloses() {
        double[] values = TestBars.closes(1, 2, 3, 4, 5).feed(new Sma(3));

        assertThat(values).containsExactly(Double.NaN, Double.NaN, 2, 3, 4);
    }

    @Test
    void withBarCountOneIsTheClose() {
        assertThat(TestBars.closes(4, 7, 1).feed(new Sma(1))).containsExactly(4, 7, 1);
    }

    @Test
    void isNotReadyUntilTheWindowIsFull() {
        Sma sma = new Sma(3);
        TestBars.closes(1, 2).feed(sma);
        assertThat(sma.isReady()).isFalse();

        sma.update(3, 3, 3, 3, 0);
        assertThat(sma.isReady()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 10", "4, 50", "5, 200"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();

        assertAgreesWithTa4j(bars.feed(new Sma(barCount)), new SMAIndicator(new ClosePriceIndicator(series), barCount),
                barCount - 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"around ten thousand, 0", "falling ten-thousandfold, 1"})
    void doesNotDriftOverAMillionBars(String path, double crashPerBar) {
        SplittableRandom random = new SplittableRandom(7);
        double[] closes = new double[LONG_RUN_BARS];
        double logPrice = Math.log(10_000);
        for (int i = 0; i < LONG_RUN_BARS; i++) {
            logPrice += 0.001 * random.nextGaussian() - crashPerBar * Math.log(10_000) / LONG_RUN_BARS;
            closes[i] = Math.exp(logPrice);
        }
        int barCount = 50;

        double[] values = TestBars.closes(closes).feed(new Sma(barCount, LONG_RUN_BARS));

        assertAgrees(values, windowMeans(closes, barCount), barCount - 1, DRIFT_TOLERANCE);
    }

    @Test
    void refusesABarCountBelowOne() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sma barCount must be at least 1, got 0");
    }

    @Test
    void refusesANegativeCapacityHint() {
        assertThatThrownBy(() -> new Sma(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sma capacityHint must be at least 0, got -1");
    }

    /** Returns each window's mean summed afresh, so no error carries over from bar to bar. */
    private static double[] windowMeans(double[] closes, int barCount) {
        double[] means = new double[closes.length];
        for (int i = barCount - 1; i < closes.length; i++) {
            double sum = 0;
            for (int j = i - barCount + 1; j <= i; j++) {
                sum += closes[j];
            }
            means[i] = sum / barCount;
        }
        return means;
    }
}
