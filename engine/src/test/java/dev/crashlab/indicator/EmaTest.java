package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class EmaTest {

    private static final double HAND_COMPUTED = 1e-12;

    @Test
    void seedsWithTheCloseOfBarBarCountAsTa4jDoes() {
        double[] values = TestBars.closes(1, 2, 3, 4, 5).feed(new Ema(2));

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isNaN();
        assertThat(values[2]).isEqualTo(3);
        assertThat(values[3]).isCloseTo(3 + (4 - 3) * 2.0 / 3, within(HAND_COMPUTED)); // 11/3
        assertThat(values[4]).isCloseTo(11.0 / 3 + (5 - 11.0 / 3) * 2.0 / 3, within(HAND_COMPUTED)); // 41/9
    }

    @Test
    void ofAConstantCloseIsThatClose() {
        assertThat(TestBars.closes(7, 7, 7, 7, 7).feed(new Ema(3))).containsExactly(Double.NaN, Double.NaN, Double.NaN, 7, 7);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 10", "4, 50", "5, 200"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();

        assertAgreesWithTa4j(bars.feed(new Ema(barCount)), new EMAIndicator(new ClosePriceIndicator(series), barCount),
                barCount);
    }

    @Test
    void refusesABarCountBelowOne() {
        assertThatThrownBy(() -> new Ema(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ema barCount must be at least 1, got 0");
    }
}
