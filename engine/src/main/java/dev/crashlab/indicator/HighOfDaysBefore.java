package dev.crashlab.indicator;

import dev.crashlab.data.OhlcvSeries;
import java.util.Objects;

/**
 * The high of the days before a bar is the highest close of the bars before it dated within the
 * {@code days} calendar days before its date, or NaN when there is none: a window in calendar days,
 * so no fixed number of bars on a weekday calendar, and a bar of the first day of the window
 * counts. Dates are UTC dates, as {@link OhlcvSeries#date} gives them. This is what
 * {@code Bars.highestCloseOfDaysBefore} answers at the current bar; computed for every bar of a
 * series at once, it costs O(1) amortised per bar (a {@link MaxDeque} keyed by epoch day) where
 * scanning the window at each bar costs O(window).
 */
public final class HighOfDaysBefore {

    private static final long DAY_MILLIS = 86_400_000L;

    private HighOfDaysBefore() {
    }

    /**
     * Returns the high of the {@code days} days before each of bars {@code 0 .. to - 1} of
     * {@code bars}: element {@code b} reads closes of bars before {@code b} only. A negative
     * {@code days} leaves no day in the window (every element NaN).
     *
     * @throws IndexOutOfBoundsException if {@code to} is negative or beyond the series
     */
    public static double[] of(OhlcvSeries bars, int days, int to) {
        Objects.checkFromToIndex(0, to, bars.size());
        double[] highs = new double[to];
        MaxDeque window = new MaxDeque(Math.min(to, 64));
        for (int b = 0; b < to; b++) {
            long day = Math.floorDiv(bars.timeMillis(b), DAY_MILLIS);
            // The window's first day only moves forward, so what leaves it never comes back.
            window.dropBefore(day - days);
            highs[b] = window.max();
            window.add(day, bars.close(b));
        }
        return highs;
    }
}
