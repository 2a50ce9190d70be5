package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.numeric.BinaryOperationIndicator;

class DrawdownFromHighTest {

    private static final double HAND_COMPUTED = 1e-12;

    @Test
    void withBarCountZeroMeasuresFromTheAllTimeHigh() {
        assertThat(TestBars.closes(100, 120, 90, 60, 130).feed(new DrawdownFromHigh(0)))
                .containsExactly(0, 0, -0.25, -0.5, 0);
    }

    @Test
    void measuresFromTheHighestCloseOfTheLastBarCountBars() {
        double[] values = TestBars.closes(100, 120, 90, 60, 130).feed(new DrawdownFromHigh(2));

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isZero();
        assertThat(values[2]).isEqualTo(-0.25);
        assertThat(values[3]).isCloseTo(-1.0 / 3, within(HAND_COMPUTED)); // 60 from 90: 120 left the window
        assertThat(values[4]).isZero();
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 20", "4, 365", "5, 0"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        // ta4j has no all-time window; a window as long as the series is one.
        HighestValueIndicator high = new HighestValueIndicator(close, barCount == 0 ? bars.size() : barCount);

        int firstValueBar = Math.max(0, barCount - 1);

        double[] values = bars.feed(new DrawdownFromHigh(barCount));

        assertAgreesWithTa4j(values, BinaryOperationIndicator.difference(BinaryOperationIndicator.quotient(close, high), 1),
                firstValueBar);
        assertThat(Arrays.stream(values, firstValueBar, values.length).max().orElseThrow()).isNotPositive();
    }

    @Test
    void refusesANegativeBarCount() {
        assertThatThrownBy(() -> new DrawdownFromHigh(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DrawdownFromHigh barCount must be at least 0, got -1");
    }
}
