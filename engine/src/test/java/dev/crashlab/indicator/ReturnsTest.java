package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.BinaryOperationIndicator;

class ReturnsTest {

    private static final double HAND_COMPUTED = 1e-12;

    @Test
    void isTheSimpleReturnOverOneBarAsAFraction() {
        double[] values = TestBars.closes(100, 110, 99).feed(new Returns(1));

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isCloseTo(0.10, within(HAND_COMPUTED));
        assertThat(values[2]).isCloseTo(-0.10, within(HAND_COMPUTED));
    }

    @Test
    void comparesWithTheCloseBarCountBarsAgo() {
        double[] values = TestBars.closes(100, 110, 99, 121).feed(new Returns(2));

        assertThat(values[0]).isNaN();
        assertThat(values[1]).isNaN();
        assertThat(values[2]).isCloseTo(-0.01, within(HAND_COMPUTED));
        assertThat(values[3]).isCloseTo(0.10, within(HAND_COMPUTED));
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 20", "4, 252", "5, 365"})
    void agreesWithTa4jRateOfChangeInPercentOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        ROCIndicator percent = new ROCIndicator(new ClosePriceIndicator(bars.toTa4j()), barCount);

        assertAgreesWithTa4j(bars.feed(new Returns(barCount)), BinaryOperationIndicator.quotient(percent, 100), barCount);
    }

    @Test
    void refusesABarCountBelowOne() {
        assertThatThrownBy(() -> new Returns(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Returns barCount must be at least 1, got 0");
    }
}
