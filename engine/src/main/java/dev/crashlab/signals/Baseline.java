package dev.crashlab.signals;

import dev.crashlab.strategy.PublishedSeries;
import java.time.LocalDate;

/**
 * A published value against its own trailing baseline: the values dated in the {@code days}
 * calendar days before it, [d − days, d − 1], the value itself excluded. The baseline is used
 * only once the series reaches back to d − days.
 */
final class Baseline {

    private Baseline() {
    }

    /** Returns the z-score of value {@code i}: (x − mean) / sample standard deviation of its baseline. */
    static double zScore(PublishedSeries s, int i, int days, Why why) {
        double[] base = before(s, i, days, why);
        if (base == null) {
            return Double.NaN;
        }
        double sd = Stats.sampleStdev(base);
        if (!(sd > 0)) {
            return Why.nan(why, () -> s.name() + ": the " + days + "-day baseline before " + s.date(i) + " holds "
                    + base.length + " values without spread");
        }
        return (s.value(i) - Stats.mean(base)) / sd;
    }

    /** Returns value {@code i} over the median of its baseline. */
    static double ratioToMedian(PublishedSeries s, int i, int days, Why why) {
        double[] base = before(s, i, days, why);
        if (base == null) {
            return Double.NaN;
        }
        double median = Stats.median(base);
        if (!(median > 0)) {
            return Why.nan(why, () -> s.name() + ": the median of the " + days + "-day baseline before " + s.date(i)
                    + " is " + median + ", not positive");
        }
        return s.value(i) / median;
    }

    /** Returns the index of the first value dated in the {@code days} days ending at the latest value's date. */
    static int firstOfLastDays(PublishedSeries s, int days) {
        return s.indexOnOrBefore(s.latestDate().minusDays(days)) + 1;
    }

    private static double[] before(PublishedSeries s, int i, int days, Why why) {
        LocalDate date = s.date(i);
        LocalDate from = date.minusDays(days);
        if (!Inputs.covers(s, from, why)) {
            return null;
        }
        return Inputs.values(s, from, date.minusDays(1));
    }
}
