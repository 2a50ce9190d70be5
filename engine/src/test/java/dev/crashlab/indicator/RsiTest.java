package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class RsiTest {

    private static final double HAND_COMPUTED = 1e-12;

    @Test
    void smoothsGainsAndLossesFromTheSeedAtBarBarCount() {
        // gains 0 1 1 0 2, losses 0 0 0 1 0; the averages start at bar 2 from its gain and loss alone
        double[] values = TestBars.closes(1, 2, 3, 2, 4).feed(new Rsi(2));

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isNaN();
        assertThat(values[2]).isEqualTo(100); // gain 1, loss 0
        assertThat(values[3]).isCloseTo(50, within(HAND_COMPUTED)); // gain 0.5, loss 0.5
        assertThat(values[4]).isCloseTo(100 - 100 / (1 + 1.25 / 0.25), within(HAND_COMPUTED)); // gain 1.25, loss 0.25
    }

    @Test
    void isZeroWhenTheCloseNeverMoves() {
        assertThat(TestBars.closes(5, 5, 5, 5).feed(new Rsi(2))).containsExactly(Double.NaN, Double.NaN, 0, 0);
    }

    @Test
    void isZeroWhenTheCloseOnlyFalls() {
        assertThat(TestBars.closes(5, 4, 3, 2).feed(new Rsi(2))).containsExactly(Double.NaN, Double.NaN, 0, 0);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 14", "4, 50", "5, 200"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();

        assertAgreesWithTa4j(bars.feed(new Rsi(barCount)), new RSIIndicator(new ClosePriceIndicator(series), barCount),
                barCount);
    }

    @Test
    void refusesABarCountBelowOne() {
        assertThatThrownBy(() -> new Rsi(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Rsi barCount must be at least 1, got 0");
    }
}
