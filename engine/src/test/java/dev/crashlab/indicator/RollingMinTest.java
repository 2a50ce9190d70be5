package dev.crashlab.indicator;

import static dev.crashlab.indicator.Agreement.assertAgreesWithTa4j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;

class RollingMinTest {

    @Test
    void isTheLowestCloseOfTheLastBarCountBars() {
        assertThat(TestBars.closes(5, 3, 4, 1, 2, 6, 7).feed(new RollingMin(3, PriceField.CLOSE)))
                .containsExactly(Double.NaN, Double.NaN, 3, 1, 1, 1, 2);
    }

    @Test
    void withBarCountZeroIsTheLowestSoFar() {
        assertThat(TestBars.closes(5, 3, 4, 1, 2, 6).feed(new RollingMin(0, PriceField.CLOSE)))
                .containsExactly(5, 3, 3, 1, 1, 1);
    }

    @Test
    void readsTheChosenField() {
        TestBars bars = TestBars.ohlc(
                10, 12, 9, 11,
                11, 13, 10, 12,
                12, 15, 11, 14);

        assertThat(bars.feed(new RollingMin(2, PriceField.LOW))).containsExactly(Double.NaN, 9, 10);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}, {2}")
    @CsvSource({"1, 1, CLOSE", "2, 2, LOW", "3, 10, HIGH", "4, 50, OPEN", "5, 200, CLOSE", "6, 0, LOW"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount, PriceField field) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();
        // ta4j has no all-time window; a window as long as the series is one.
        int ta4jBarCount = barCount == 0 ? bars.size() : barCount;

        assertAgreesWithTa4j(bars.feed(new RollingMin(barCount, field)),
                new LowestValueIndicator(RollingMaxTest.ta4jPrice(series, field), ta4jBarCount), Math.max(0, barCount - 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithAPlainLoopOnCoarsePricesFullOfTies(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[2_000];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 1 + random.nextInt(5); // few distinct values: many ties and long runs
        }
        int barCount = 1 + random.nextInt(20);

        double[] values = TestBars.closes(closes).feed(new RollingMin(barCount, PriceField.CLOSE));

        for (int i = barCount - 1; i < closes.length; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int j = i - barCount + 1; j <= i; j++) {
                min = Math.min(min, closes[j]);
            }
            assertThat(values[i]).as("bar %d", i).isEqualTo(min);
        }
    }

    @Test
    void refusesANegativeBarCount() {
        assertThatThrownBy(() -> new RollingMin(-1, PriceField.CLOSE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RollingMin barCount must be at least 0, got -1");
    }
}
