package dev.crashlab.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crashlab.data.AssetClass;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The high of the days before each bar, computed for all bars at once by a deque, against the
 * scan of {@code Bars.highestCloseOfDaysBefore}'s definition at each bar: the highest close of the
 * bars before it whose date is not before its date minus the window.
 */
class HighOfDaysBeforeTest {

    private static final long DAY = 86_400_000L;
    private static final Instant START = Instant.parse("2020-01-06T00:00:00Z");

    @Test
    void countsCalendarDaysBackFromTheBarsDateIncludingTheWindowsFirstDay() {
        // Daily bars on Mon 6, Tue 7, Fri 10, Mon 13 January: weekdays with gaps.
        OhlcvSeries bars = series(new long[] {0, 1, 4, 7}, new double[] {10, 14, 12, 11});

        assertThat(HighOfDaysBefore.of(bars, 2, 4)).containsExactly(Double.NaN, 10, Double.NaN, Double.NaN);
        assertThat(HighOfDaysBefore.of(bars, 3, 4)).containsExactly(Double.NaN, 10, 14, 12);
        assertThat(HighOfDaysBefore.of(bars, 6, 4)).containsExactly(Double.NaN, 10, 14, 14);
        assertThat(HighOfDaysBefore.of(bars, 0, 4)).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void aNegativeWindowHoldsNoDay() {
        OhlcvSeries bars = series(new long[] {0, 1, 2}, new double[] {3, 2, 1});

        assertThat(HighOfDaysBefore.of(bars, -1, 3)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void computesOnlyTheBarsAskedFor() {
        OhlcvSeries bars = series(new long[] {0, 1, 2}, new double[] {3, 2, 1});

        assertThat(HighOfDaysBefore.of(bars, 5, 2)).containsExactly(Double.NaN, 3);
        assertThatThrownBy(() -> HighOfDaysBefore.of(bars, 5, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aLongFallOutgrowsTheDequesFirstArraysAndKeepsItsOrder() {
        // 500 daily closes falling then rising: every falling close stays a candidate for a year.
        int n = 500;
        long[] offsets = new long[n];
        double[] closes = new double[n];
        for (int b = 0; b < n; b++) {
            offsets[b] = b * DAY;
            closes[b] = b < 300 ? 1_000 - b : 400 + b;
        }
        OhlcvSeries bars = seriesAt(offsets, closes);

        assertThat(HighOfDaysBefore.of(bars, 365, n)).containsExactly(naive(bars, 365));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void agreesWithTheScanOnRandomGapsIntradayBarsAndTies(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1_000 + random.nextInt(2_000);
        long[] offsets = new long[n];
        double[] closes = new double[n];
        long t = 0;
        for (int b = 0; b < n; b++) {
            // Several bars a day at times, and gaps of days (weekends, holidays, missing data).
            t += random.nextInt(4) == 0 ? (1 + random.nextInt(5)) * DAY : 1 + random.nextLong(DAY / 4);
            offsets[b] = t;
            closes[b] = 1 + random.nextInt(6); // few distinct values: ties everywhere
        }
        OhlcvSeries bars = seriesAt(offsets, closes);

        for (int days : new int[] {0, 1, 2, 3, 7, 30, 365, 10_000, -2}) {
            assertThat(HighOfDaysBefore.of(bars, days, n)).as("days %d", days).containsExactly(naive(bars, days));
        }
    }

    /** {@code Bars.highestCloseOfDaysBefore} at every bar, as its default scans. */
    private static double[] naive(OhlcvSeries bars, int days) {
        double[] out = new double[bars.size()];
        for (int b = 0; b < bars.size(); b++) {
            LocalDate from = bars.date(b).minusDays(days);
            double high = Double.NaN;
            for (int j = b - 1; j >= 0 && !bars.date(j).isBefore(from); j--) {
                high = Double.isNaN(high) ? bars.close(j) : Math.max(high, bars.close(j));
            }
            out[b] = high;
        }
        return out;
    }

    private static OhlcvSeries series(long[] days, double[] closes) {
        long[] offsets = new long[days.length];
        for (int b = 0; b < days.length; b++) {
            offsets[b] = days[b] * DAY;
        }
        return seriesAt(offsets, closes);
    }

    private static OhlcvSeries seriesAt(long[] offsets, double[] closes) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(Instrument.of("X", AssetClass.CRYPTO));
        for (int b = 0; b < closes.length; b++) {
            double c = closes[b];
            builder.add(START.plusMillis(offsets[b]), c, c, c, c, 1);
        }
        return builder.build();
    }
}
