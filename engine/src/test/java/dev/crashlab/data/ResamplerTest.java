package dev.crashlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final Instrument BTC = Instrument.of("BTC-USD", AssetClass.CRYPTO);

    private static OhlcvSeries daily(Instrument instrument, LocalDate first, int days) {
        OhlcvSeries.Builder b = OhlcvSeries.builder(instrument);
        LocalDate d = first;
        for (int i = 0; i < days; i++, d = d.plusDays(1)) {
            if (instrument.calendar().isTradingDay(d)) {
                double base = 100 + i;
                b.add(d, base, base + 5, base - 5, base + 1, 10);
            }
        }
        return b.build();
    }

    @Test
    void aggregatesDailyBarsIntoIsoWeeksStampedOnMonday() {
        // 2024-01-03 is a Wednesday: the first week is partial.
        OhlcvSeries weekly = Resampler.resample(daily(BTC, LocalDate.of(2024, 1, 3), 12), Resampler.Period.WEEK);

        assertThat(weekly.size()).isEqualTo(2);
        assertThat(weekly.date(0)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(weekly.open(0)).isEqualTo(100); // Wednesday's open
        assertThat(weekly.close(0)).isEqualTo(105); // Sunday 7th's close (i = 4)
        assertThat(weekly.high(0)).isEqualTo(109);
        assertThat(weekly.low(0)).isEqualTo(95);
        assertThat(weekly.volume(0)).isEqualTo(50);
        assertThat(weekly.date(1)).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(weekly.close(1)).isEqualTo(112);
    }

    @Test
    void aggregatesAnEquitysTradingDaysIntoMonths() {
        OhlcvSeries monthly = Resampler.resample(daily(Instrument.of("SPY", AssetClass.ETF), LocalDate.of(2024, 1, 1), 60),
                Resampler.Period.MONTH);

        assertThat(monthly.size()).isEqualTo(2);
        assertThat(monthly.date(1)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(monthly.volume(0)).isEqualTo(210); // 21 NYSE sessions in January 2024
    }

    @Test
    void aggregatesMinuteBarsIntoHoursAndDays() {
        OhlcvSeries.Builder b = OhlcvSeries.builder(BTC);
        Instant t = Instant.parse("2024-01-01T22:58:00Z");
        for (int i = 0; i < 130; i++) {
            b.add(t.plus(Duration.ofMinutes(i)), 1 + i, 2 + i, 0.5 + i, 1.5 + i, 1);
        }
        OhlcvSeries minutes = b.build();

        OhlcvSeries hours = Resampler.resample(minutes, Resampler.Period.HOUR);
        OhlcvSeries days = Resampler.resample(minutes, Resampler.Period.DAY);

        assertThat(hours.size()).isEqualTo(4);
        assertThat(hours.time(0)).isEqualTo(Instant.parse("2024-01-01T22:00:00Z"));
        assertThat(hours.volume(0)).isEqualTo(2);
        assertThat(hours.volume(1)).isEqualTo(60);
        assertThat(days.size()).isEqualTo(2);
        assertThat(days.time(1)).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(days.isDaily()).isTrue();
        assertThat(days.open(1)).isEqualTo(63);
        assertThat(days.close(1)).isEqualTo(130.5);
    }

    @Test
    void refusesToResampleToAShorterPeriod() {
        assertThatThrownBy(() -> Resampler.resample(daily(BTC, LocalDate.of(2024, 1, 1), 3), Resampler.Period.HOUR))
                .hasMessage("cannot resample BTC-USD bars of 1d to the shorter period HOUR");
    }
}
