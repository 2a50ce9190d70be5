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
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.num.Num;

class RollingMaxTest {

    @Test
    void isTheHighestCloseOfTheLastBarCountBars() {
        assertThat(TestBars.closes(1, 3, 2, 5, 4, 1, 0.5).feed(new RollingMax(3, PriceField.CLOSE)))
                .containsExactly(Double.NaN, Double.NaN, 3, 5, 5, 5, 4);
    }

    @Test
    void withBarCountZeroIsTheHighestSoFar() {
        assertThat(TestBars.closes(1, 3, 2, 5, 4, 1).feed(new RollingMax(0, PriceField.CLOSE)))
                .containsExactly(1, 3, 3, 5, 5, 5);
    }

    @Test
    void readsTheChosenField() {
        TestBars bars = TestBars.ohlc(
                10, 12, 9, 11,
                11, 13, 10, 12,
                12, 15, 11, 14);

        assertThat(bars.feed(new RollingMax(2, PriceField.HIGH))).containsExactly(Double.NaN, 13, 15);
        assertThat(bars.feed(new RollingMax(2, PriceField.LOW))).containsExactly(Double.NaN, 10, 11);
    }

    @Test
    void keepsARepeatedHighUntilItsLastOccurrenceLeaves() {
        assertThat(TestBars.closes(5, 1, 5, 1, 1, 1).feed(new RollingMax(3, PriceField.CLOSE)))
                .containsExactly(Double.NaN, Double.NaN, 5, 5, 5, 1);
    }

    @ParameterizedTest(name = "seed {0}, barCount {1}, {2}")
    @CsvSource({"1, 1, CLOSE", "2, 2, HIGH", "3, 10, LOW", "4, 50, OPEN", "5, 200, CLOSE", "6, 0, HIGH"})
    void agreesWithTa4jOnARandomWalk(long seed, int barCount, PriceField field) {
        TestBars bars = TestBars.randomWalk(seed, 5_000);
        BarSeries series = bars.toTa4j();
        // ta4j has no all-time window; a window as long as the series is one.
        int ta4jBarCount = barCount == 0 ? bars.size() : barCount;

        assertAgreesWithTa4j(bars.feed(new RollingMax(barCount, field)),
                new HighestValueIndicator(ta4jPrice(series, field), ta4jBarCount), Math.max(0, barCount - 1));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithAPlainLoopOnCoarsePricesFullOfTies(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] closes = new double[2_000];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = random.nextInt(5); // few distinct values: many ties and long runs
        }
        int barCount = 1 + random.nextInt(20);

        double[] values = TestBars.closes(closes).feed(new RollingMax(barCount, PriceField.CLOSE));

        for (int i = barCount - 1; i < closes.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = i - barCount + 1; j <= i; j++) {
                max = Math.max(max, closes[j]);
            }
            assertThat(values[i]).as("bar %d", i).isEqualTo(max);
        }
    }

    @Test
    void refusesANegativeBarCount() {
        assertThatThrownBy(() -> new RollingMax(-1, PriceField.CLOSE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RollingMax barCount must be at least 0, got -1");
    }

    @Test
    void refusesANullField() {
        assertThatThrownBy(() -> new RollingMax(3, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("RollingMax field");
    }

    static Indicator<Num> ta4jPrice(BarSeries series, PriceField field) {
        return switch (field) {
            case OPEN -> new OpenPriceIndicator(series);
            case HIGH -> new HighPriceIndicator(series);
            case LOW -> new LowPriceIndicator(series);
            case CLOSE -> new ClosePriceIndicator(series);
        };
    }
}
