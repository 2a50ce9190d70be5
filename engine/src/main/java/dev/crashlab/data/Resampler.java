package dev.crashlab.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Resamples an OHLCV series to a coarser period, in one place for the whole project: the first
 * open, the highest high, the lowest low, the last close and the summed volume of each period.
 *
 * <p>Periods are aligned in UTC and a resampled bar is stamped with the start of its period:
 * hours at :00, days at 00:00 (intraday bars of an exchange are grouped by their date in the
 * exchange's zone, then stamped 00:00 UTC of that date, as daily bars are), weeks on Monday
 * (ISO weeks), months on the 1st. A period holds only the bars that exist in it: a week of an
 * equity has at most five. Resampling to a period shorter than the series' own interval is
 * refused.
 */
public final class Resampler {

    /** The periods a series can be resampled to. */
    public enum Period {
        /** Clock hours. */
        HOUR(BarInterval.HOUR),
        /** Trading dates. */
        DAY(BarInterval.DAY),
        /** ISO weeks, Monday to Sunday. */
        WEEK(BarInterval.WEEK),
        /** Calendar months. */
        MONTH(BarInterval.MONTH);

        private final BarInterval interval;

        Period(BarInterval interval) {
            this.interval = interval;
        }

        /** Returns the interval of the resampled bars. */
        public BarInterval interval() {
            return interval;
        }
    }

    private static final long HOUR_MILLIS = 3_600_000L;

    private Resampler() {
    }

    /** Returns {@code series} resampled to {@code period}. */
    public static OhlcvSeries resample(OhlcvSeries series, Period period) {
        if (series.interval().compareTo(period.interval) > 0) {
            throw new IllegalArgumentException("cannot resample " + series.symbol() + " bars of " + series.interval()
                    + " to the shorter period " + period);
        }
        OhlcvSeries.Builder out = OhlcvSeries.builder(series.instrument()).source(series.source()).interval(period.interval);
        series.warnings().forEach(out::warning);
        int i = 0;
        while (i < series.size()) {
            long key = periodStart(series, i, period);
            double open = series.open(i);
            double high = series.high(i);
            double low = series.low(i);
            double close = series.close(i);
            double volume = series.volume(i);
            int j = i + 1;
            while (j < series.size() && periodStart(series, j, period) == key) {
                high = Math.max(high, series.high(j));
                low = Math.min(low, series.low(j));
                close = series.close(j);
                volume += series.volume(j);
                j++;
            }
            out.add(Instant.ofEpochMilli(key), open, high, low, close, volume);
            i = j;
        }
        return out.build();
    }

    /** Returns the start, in UTC epoch milliseconds, of the period holding bar {@code i}. */
    static long periodStart(OhlcvSeries series, int i, Period period) {
        long t = series.timeMillis(i);
        if (period == Period.HOUR) {
            return Math.floorDiv(t, HOUR_MILLIS) * HOUR_MILLIS;
        }
        LocalDate date = series.isDaily()
                ? series.date(i)
                : Instant.ofEpochMilli(t).atZone(series.instrument().calendar().zone()).toLocalDate();
        LocalDate start = switch (period) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case HOUR -> throw new IllegalStateException("handled above");
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
