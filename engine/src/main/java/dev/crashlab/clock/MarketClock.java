package dev.crashlab.clock;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The market clock puts several instruments on one time line: its steps are the union of the
 * bar times of every instrument within [start, end].
 *
 * <h2>The rule</h2>
 * At each step, an instrument either has a bar stamped exactly at that step's time, or it does
 * not (a weekend for an equity in a universe with crypto, an exchange holiday). With a bar, its
 * orders can fill and its indicators update. Without one, it keeps its last close for marking
 * (equity, margin) and its orders wait for its next bar. Bars before {@code start} are history:
 * a strategy sees them as its past from the first step on.
 *
 * <p>Daily bars of every calendar are stamped 00:00 UTC of their trading date, so a Monday's
 * crypto bar and a Monday's NYSE bar fall on the same step.
 */
public final class MarketClock {

    private final long[] times;
    private final int[][] barIndex;
    private final boolean[][] hasBar;

    private MarketClock(long[] times, int[][] barIndex, boolean[][] hasBar) {
        this.times = times;
        this.barIndex = barIndex;
        this.hasBar = hasBar;
    }

    /** Returns the clock of {@code data}'s instruments, in the order of {@link MarketData#prices()}, over [start, end]. */
    public static MarketClock of(MarketData data, Instant start, Instant end) {
        return of(data.prices(), start, end);
    }

    /** Returns the clock of the given series over [start, end], both inclusive. */
    public static MarketClock of(List<OhlcvSeries> series, Instant start, Instant end) {
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        if (from > to) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        long[] union = unionOfTimes(series, from, to);
        int n = series.size();
        int[][] index = new int[n][union.length];
        boolean[][] present = new boolean[n][union.length];
        for (int i = 0; i < n; i++) {
            OhlcvSeries s = series.get(i);
            int cursor = s.indexAtOrBefore(from - 1);
            for (int step = 0; step < union.length; step++) {
                while (cursor + 1 < s.size() && s.timeMillis(cursor + 1) <= union[step]) {
                    cursor++;
                }
                index[i][step] = cursor;
                present[i][step] = cursor >= 0 && s.timeMillis(cursor) == union[step];
            }
        }
        return new MarketClock(union, index, present);
    }

    private static long[] unionOfTimes(List<OhlcvSeries> series, long from, long to) {
        int total = 0;
        for (OhlcvSeries s : series) {
            total += s.size();
        }
        long[] all = new long[total];
        int k = 0;
        for (OhlcvSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                long t = s.timeMillis(i);
                if (t >= from && t <= to) {
                    all[k++] = t;
                }
            }
        }
        Arrays.sort(all, 0, k);
        int unique = 0;
        for (int i = 0; i < k; i++) {
            if (unique == 0 || all[i] != all[unique - 1]) {
                all[unique++] = all[i];
            }
        }
        return Arrays.copyOf(all, unique);
    }

    /** Returns the number of steps. */
    public int size() {
        return times.length;
    }

    /** Returns the time of {@code step} in UTC epoch milliseconds. */
    public long timeMillis(int step) {
        return times[step];
    }

    /** Returns the time of {@code step}. */
    public Instant time(int step) {
        return Instant.ofEpochMilli(times[step]);
    }

    /**
     * Returns the index, in instrument {@code instrument}'s series, of its last bar at or before
     * {@code step}: its current bar, or -1 when it has no bar yet.
     */
    public int barIndex(int instrument, int step) {
        return barIndex[instrument][step];
    }

    /** Returns whether instrument {@code instrument} has a bar stamped exactly at {@code step}. */
    public boolean hasBar(int instrument, int step) {
        return hasBar[instrument][step];
    }
}
