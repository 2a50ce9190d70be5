package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.indicators.ATRIndicator;

class AtrTest {

    @Test
    void smoothsTrueRangesFromTheSeedAtBarBarCount() {
        TestBars bars = TestBars.ohlc(
                10, 12, 9, 11,
                11, 13, 10, 12,
                12, 15, 11, 14, // true range 4, high - low: the seed
                10, 11, 8, 9, //   true range 6, previous close - low: a gap down
                9, 10, 9, 9.5); // true range 1

        assertThat(bars.feed(new Atr(2))).containsExactly(Double.NaN, Double.NaN, 4, 5, 3);
    }

    @Test
    void countsAGapUpFromThePreviousClose() {
        TestBars bars = TestBars.ohlc(
                10, 10, 10, 10,
                15, 16, 15, 16); // true range 6, high - previous close

        assertThat(bars.feed(new Atr(1))).containsExactly(Double.NaN, 6);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}")
    @CsvSource({"1, 1", "2, 2", "3, 14", "4, 50", "5, 200"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);

        assertAgreesWithTa4j(bars.feed(new Atr(barCount)), new ATRIndicator(bars.toTa4j(), barCount), barCount);
    }

    @Test
    void refusesABarCountBelowOne() {
        assertThatThrownBy(() -> new Atr(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Atr barCount must be at least 1, got 0");
    }
}
