package dev.crashlab.execution;

import static dev.crashlab.testing.TestBars.crypto;
import static dev.crashlab.testing.TestBars.ohlc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.OhlcvSeries;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;

class BridgeBarsTest {

    @RepeatedTest(50)
    void eachBarsBridgeStartsAtItsOpenEndsAtItsCloseAndTouchesExactlyItsHighAndLow(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        double open = 100 * (1 + random.nextDouble());
        double close = 100 * (1 + random.nextDouble());
        // Some bars have their high or low at an end: the path must not go beyond it.
        double high = Math.max(open, close) + (random.nextBoolean() ? 0 : 30 * random.nextDouble());
        double low = Math.min(open, close) - (random.nextBoolean() ? 0 : 30 * random.nextDouble());
        OhlcvSeries day = ohlc(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), open, high, low, close);

        OhlcvSeries sub = BridgeBars.of(day, 96, repetition.getCurrentRepetition());

        assertThat(sub.size()).isEqualTo(96);
        assertThat(sub.interval().toString()).isEqualTo("15m");
        assertThat(sub.open(0)).isEqualTo(open);
        assertThat(sub.close(95)).isEqualTo(close);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sub.size(); k++) {
            max = Math.max(max, sub.high(k));
            min = Math.min(min, sub.low(k));
            if (k > 0) {
                assertThat(sub.open(k)).as("sub-bars join without gaps").isEqualTo(sub.close(k - 1));
            }
        }
        assertThat(max).isEqualTo(high);
        assertThat(min).isEqualTo(low);
    }

    @Test
    void theSameSeedGivesTheSameBarsAndAnotherSeedOthers() {
        OhlcvSeries day = ohlc(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 100, 120, 80, 101);
        assertThat(BridgeBars.of(day, 96, 7).closes()).isEqualTo(BridgeBars.of(day, 96, 7).closes());
        assertThat(BridgeBars.of(day, 96, 7).closes()).isNotEqualTo(BridgeBars.of(day, 96, 8).closes());
    }

    @Test
    void bothOrdersOfTheExtremesOccurAcrossSeeds() {
        OhlcvSeries day = ohlc(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 100, 120, 80, 100);
        int highFirst = 0;
        for (int seed = 0; seed < 200; seed++) {
            OhlcvSeries sub = BridgeBars.of(day, 96, seed);
            int atHigh = -1;
            int atLow = -1;
            for (int k = 0; k < sub.size(); k++) {
                atHigh = atHigh < 0 && sub.high(k) == 120 ? k : atHigh;
                atLow = atLow < 0 && sub.low(k) == 80 ? k : atLow;
            }
            highFirst += atHigh < atLow ? 1 : 0;
        }
        // A symmetric bar: about half of the paths peak first (binomial, 200 draws: 100 ± 3 sd).
        assertThat(highFirst).isBetween(60, 140);
    }

    @Test
    void refusesSubBarsThatDoNotDivideTheBar() {
        OhlcvSeries day = ohlc(crypto("BTC-USD"), LocalDate.of(2024, 1, 1), 100, 120, 80, 100);
        assertThatThrownBy(() -> BridgeBars.of(day, 7, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 sub-bars");
    }
}
