package dev.crashlab.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarketClockTest {

    // Friday 2024-03-29 is Good Friday: QQQ has bars on Thu 28th and Mon 1st only.
    private final OhlcvSeries btc = OhlcvSeries.builder(Instrument.of("BTC-USD", AssetClass.CRYPTO))
            .dailyCloses(LocalDate.of(2024, 3, 27), 10, 11, 12, 13, 14, 15, 16).build();
    private final OhlcvSeries qqq = OhlcvSeries.builder(Instrument.of("QQQ", AssetClass.ETF))
            .dailyCloses(LocalDate.of(2024, 3, 27), 100, 101, 102, 103).build();
    private final MarketData data = MarketData.of(btc, qqq);

    @Test
    void stepsThroughTheUnionOfBarTimes() {
        MarketClock clock = MarketClock.of(data, Instant.parse("2024-03-27T00:00:00Z"), Instant.parse("2024-04-02T00:00:00Z"));

        assertThat(clock.size()).isEqualTo(7);
        assertThat(clock.time(0)).isEqualTo(Instant.parse("2024-03-27T00:00:00Z"));
        assertThat(clock.time(6)).isEqualTo(Instant.parse("2024-04-02T00:00:00Z"));
    }

    @Test
    void anInstrumentWithoutABarKeepsItsLastBarAsCurrent() {
        MarketClock clock = MarketClock.of(data, Instant.parse("2024-03-27T00:00:00Z"), Instant.parse("2024-04-02T00:00:00Z"));

        // step 2 = Good Friday, step 3 = Saturday, step 5 = Monday
        assertThat(clock.hasBar(1, 2)).isFalse();
        assertThat(clock.barIndex(1, 2)).isEqualTo(1); // Thursday's bar
        assertThat(clock.barIndex(1, 4)).isEqualTo(1);
        assertThat(clock.hasBar(1, 5)).isTrue();
        assertThat(clock.barIndex(1, 5)).isEqualTo(2);
        assertThat(clock.hasBar(0, 3)).isTrue();
    }

    @Test
    void treatsBarsBeforeTheStartAsHistory() {
        MarketClock clock = MarketClock.of(data, Instant.parse("2024-03-30T00:00:00Z"), Instant.parse("2024-04-02T00:00:00Z"));

        assertThat(clock.size()).isEqualTo(4);
        assertThat(clock.barIndex(0, 0)).isEqualTo(3); // BTC's 4th bar is the first step's
        assertThat(clock.barIndex(1, 0)).isEqualTo(1); // QQQ's last bar before the start: Thursday
        assertThat(clock.hasBar(1, 0)).isFalse();
    }

    @Test
    void refusesAStartAfterTheEnd() {
        assertThatThrownBy(() -> MarketClock.of(data, Instant.parse("2024-04-02T00:00:00Z"), Instant.parse("2024-03-30T00:00:00Z")))
                .hasMessage("start 2024-04-02T00:00:00Z is after end 2024-03-30T00:00:00Z");
    }

    @Test
    void anInstrumentWithABarAtEveryStepIsAlignedAndIndexedFromItsFirstBarInRange() {
        MarketClock clock = MarketClock.of(data, Instant.parse("2024-03-29T00:00:00Z"), Instant.parse("2024-04-02T00:00:00Z"));

        assertThat(clock.isAligned(0)).isTrue(); // BTC trades every day
        assertThat(clock.isAligned(1)).isFalse(); // QQQ misses Good Friday and the weekend
        assertThat(clock.barIndex(0, 0)).isEqualTo(2);
        assertThat(clock.barIndex(0, 4)).isEqualTo(6);
        assertThat(clock.hasBar(0, 4)).isTrue();
        assertThatThrownBy(() -> clock.barIndex(0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSingleInstrumentsStepsAreItsBarTimesInRange() {
        MarketClock clock = MarketClock.of(java.util.List.of(btc), Instant.parse("2024-03-28T00:00:00Z"),
                Instant.parse("2024-03-30T12:00:00Z"));

        assertThat(clock.size()).isEqualTo(3);
        long[] times = IntStream.range(0, clock.size()).mapToLong(clock::timeMillis).toArray();
        assertThat(times).containsExactly(Instant.parse("2024-03-28T00:00:00Z").toEpochMilli(),
                Instant.parse("2024-03-29T00:00:00Z").toEpochMilli(), Instant.parse("2024-03-30T00:00:00Z").toEpochMilli());
        assertThat(clock.isAligned(0)).isTrue();
        assertThat(clock.barIndex(0, 0)).isEqualTo(1);
    }
}
