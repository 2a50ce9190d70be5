package dev.crashlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OhlcvSeriesTest {

    private static final Instrument SPY = Instrument.of("SPY", AssetClass.ETF);

    @Test
    void buildsDailyClosesOnTheInstrumentsTradingDays() {
        OhlcvSeries s = OhlcvSeries.builder(SPY).dailyCloses(LocalDate.of(2024, 3, 28), 1, 2, 3).build();

        assertThat(s.date(0)).isEqualTo(LocalDate.of(2024, 3, 28));
        assertThat(s.date(1)).isEqualTo(LocalDate.of(2024, 4, 1)); // Good Friday and the weekend skipped
        assertThat(s.date(2)).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(s).hasToString("OhlcvSeries(SPY, 3 bars, 2024-03-28T00:00:00Z .. 2024-04-02T00:00:00Z)");
    }

    @Test
    void refusesABarThatBreaksARuleNamingTheBar() {
        OhlcvSeries.Builder b = OhlcvSeries.builder(SPY).add(LocalDate.of(2024, 1, 2), 1);

        assertThatThrownBy(() -> b.add(LocalDate.of(2024, 1, 3), 1, 0.9, 1.1, 1, 0))
                .hasMessage("SPY bar 1 (2024-01-03T00:00:00Z): field 'high': high 0.9 is below low 1.1");
        assertThatThrownBy(() -> b.add(LocalDate.of(2024, 1, 2), 1))
                .hasMessageContaining("time must be after the previous bar's 2024-01-02T00:00:00Z");
    }

    @Test
    void findsBarsByTimeAndSlicesInclusively() {
        OhlcvSeries s = OhlcvSeries.builder(Instrument.of("BTC-USD", AssetClass.CRYPTO))
                .dailyCloses(LocalDate.of(2024, 1, 1), 1, 2, 3, 4, 5).build();

        assertThat(s.indexAtOrBefore(Instant.parse("2024-01-03T12:00:00Z").toEpochMilli())).isEqualTo(2);
        assertThat(s.indexAtOrBefore(Instant.parse("2023-12-31T00:00:00Z").toEpochMilli())).isEqualTo(-1);
        OhlcvSeries middle = s.between(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z"));
        assertThat(middle.closes()).containsExactly(2, 3, 4);
    }

    @Test
    void handsOutCopiesSoTheSeriesStaysImmutable() {
        OhlcvSeries s = OhlcvSeries.builder(SPY).dailyCloses(LocalDate.of(2024, 1, 2), 1, 2).build();

        s.closes()[0] = 99;

        assertThat(s.close(0)).isEqualTo(1);
    }

    private static OhlcvSeries at(String symbol, Instant... times) {
        OhlcvSeries.Builder b = OhlcvSeries.builder(Instrument.of(symbol, AssetClass.CRYPTO));
        for (Instant t : times) {
            b.add(t, 10, 10, 10, 10, 1);
        }
        return b.build();
    }

    @Test
    void oneOddStampDoesNotMakeHourlyBarsLookFiner() {
        Instant t = Instant.parse("2018-02-09T07:00:00Z");
        OhlcvSeries hourly = at("BTC-USDT", t, t.plusSeconds(3_600), t.plusSeconds(2 * 3_600),
                Instant.parse("2018-02-09T09:28:14Z"), t.plusSeconds(3 * 3_600), t.plusSeconds(4 * 3_600),
                t.plusSeconds(5 * 3_600));

        assertThat(hourly.interval()).isEqualTo(BarInterval.HOUR);
    }

    @Test
    void monthlyBarsStampedOnTheFirstTradingDayAreCalendarMonthsEndingOnTheFirst() {
        OhlcvSeries monthly = at("X", Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"));

        assertThat(monthly.interval()).isEqualTo(BarInterval.MONTH);
        assertThat(Instant.ofEpochMilli(monthly.endMillis(0))).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void weeklyBarsStampedOnATuesdayAfterAHolidayAreStillWeeks() {
        OhlcvSeries weekly = at("X", Instant.parse("2024-01-08T00:00:00Z"), Instant.parse("2024-01-16T00:00:00Z"),
                Instant.parse("2024-01-22T00:00:00Z"), Instant.parse("2024-01-29T00:00:00Z"));

        assertThat(weekly.interval()).isEqualTo(BarInterval.WEEK);
    }

    @Test
    void aSliceKeepsAnIntervalItWasGiven() {
        OhlcvSeries weekly = OhlcvSeries.builder(Instrument.of("X", AssetClass.CRYPTO)).interval(BarInterval.WEEK)
                .add(Instant.parse("2024-01-01T00:00:00Z"), 1, 1, 1, 1, 0)
                .add(Instant.parse("2024-01-08T00:00:00Z"), 1, 1, 1, 1, 0).build();

        assertThat(weekly.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).interval())
                .isEqualTo(BarInterval.WEEK);
    }
}
