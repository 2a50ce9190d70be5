package dev.crashlab.signals;

import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.PublishedSeries;
import dev.crashlab.strategy.StrategyContext;
import java.time.LocalDate;

/**
 * The inputs of signals as the context shows them, refused when stale. A series is usable at a
 * step dated T when its latest published value is dated on or after T − maxAgeDays; an
 * instrument when its current bar is. A name the run's data does not hold is a configuration
 * error, not missing data: the context throws, as it does for strategies.
 */
final class Inputs {

    private Inputs() {
    }

    /** Returns the series {@code name} as published by now, or null (noting why) when empty or stale. */
    static PublishedSeries series(StrategyContext ctx, String name, int maxAgeDays, Why why) {
        PublishedSeries series = ctx.series(name);
        return fresh(ctx, name, "value", "no value published yet", series.latestDate(), maxAgeDays, why) ? series : null;
    }

    /** Returns the bars of {@code symbol} up to now, or null (noting why) when it has none or its current bar is stale. */
    static Bars bars(StrategyContext ctx, String symbol, int maxAgeDays, Why why) {
        Bars bars = ctx.bars(symbol);
        LocalDate latest = bars.isEmpty() ? null : bars.date(bars.size() - 1);
        return fresh(ctx, symbol, "bar", "no bar yet", latest, maxAgeDays, why) ? bars : null;
    }

    /** Returns whether an input whose latest entry is dated {@code latest} (null: none) is fresh, noting why not. */
    private static boolean fresh(StrategyContext ctx, String name, String entry, String none, LocalDate latest, int maxAgeDays,
            Why why) {
        LocalDate today = ctx.date();
        if (latest == null) {
            Why.note(why, () -> name + ": " + none + " at " + today);
            return false;
        }
        if (latest.isBefore(today.minusDays(maxAgeDays))) {
            Why.note(why, () -> name + ": last " + entry + " dated " + latest + ", older than the " + maxAgeDays
                    + "-day maximum age at " + today);
            return false;
        }
        return true;
    }

    /**
     * Returns whether {@code series} reaches back to {@code from}, its first value being dated on
     * or before it, noting why not: a trailing window is used only once the series covers it.
     */
    static boolean covers(PublishedSeries series, LocalDate from, Why why) {
        LocalDate first = series.date(0);
        if (first.isAfter(from)) {
            Why.note(why, () -> series.name() + ": first value dated " + first + ", after " + from
                    + ", the first day of the window needed");
            return false;
        }
        return true;
    }

    /** Returns the values of {@code series} dated in [{@code from}, {@code to}], oldest first. */
    static double[] values(PublishedSeries series, LocalDate from, LocalDate to) {
        int last = series.indexOnOrBefore(to);
        int before = last;
        while (before >= 0 && !series.date(before).isBefore(from)) {
            before--;
        }
        double[] out = new double[last - before];
        for (int k = 0; k < out.length; k++) {
            out[k] = series.value(before + 1 + k);
        }
        return out;
    }

    /**
     * Returns the values of {@code series} dated in the {@code days} days ending at its latest
     * value's date L, [L − days + 1, L], oldest first; null (noting why) until the series reaches
     * back to L − days + 1.
     */
    static double[] lastDays(PublishedSeries series, int days, Why why) {
        LocalDate to = series.latestDate();
        LocalDate from = to.minusDays(days - 1);
        return covers(series, from, why) ? values(series, from, to) : null;
    }

    /**
     * Returns {@code symbol}'s change over {@code days} calendar days: its current close over the
     * close of its last bar dated on or before today − days, minus 1; NaN (noting why) when it
     * has no usable bar then or now. Both bars must be within {@code maxAgeDays} of their dates.
     */
    static double change(StrategyContext ctx, String symbol, int days, int maxAgeDays, Why why) {
        Bars bars = bars(ctx, symbol, maxAgeDays, why);
        if (bars == null) {
            return Double.NaN;
        }
        LocalDate then = ctx.date().minusDays(days);
        int i = bars.indexOnOrBefore(then);
        if (i < 0) {
            return Why.nan(why, () -> symbol + ": no bar dated on or before " + then + ", " + days + " days before " + ctx.date());
        }
        LocalDate found = bars.date(i);
        if (found.isBefore(then.minusDays(maxAgeDays))) {
            return Why.nan(why, () -> symbol + ": last bar on or before " + then + " is dated " + found + ", older than the "
                    + maxAgeDays + "-day maximum age");
        }
        return bars.close() / bars.close(i) - 1;
    }
}
