package dev.crashlab.clock;

import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    // The step times; null for a single instrument, whose own bar times are the steps (from
    // alignedFirst[0] on), so that a long series is not copied.
    private final long[] times;
    private final OhlcvSeries single;
    private final int size;
    // Per instrument: its bar index at step 0 when its bars are exactly the steps ("aligned"),
    // then barIndex and hasBar hold no row for it: a single instrument, or instruments sharing one
    // calendar, need no per-step tables.
    private final int[] alignedFirst;
    private final int[][] barIndex;
    private final boolean[][] hasBar;

    private MarketClock(long[] times, OhlcvSeries single, int size, int[] alignedFirst, int[][] barIndex,
            boolean[][] hasBar) {
        this.times = times;
        this.single = single;
        this.size = size;
        this.alignedFirst = alignedFirst;
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
        int n = series.size();
        int[] first = new int[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            OhlcvSeries s = series.get(i);
            first[i] = s.indexAtOrBefore(from - 1) + 1;
            count[i] = s.indexAtOrBefore(to) + 1 - first[i];
        }
        if (n == 1) {
            return new MarketClock(null, series.getFirst(), count[0], first, new int[1][], new boolean[1][]);
        }
        long[] union = unionOfTimes(series, first, count);
        int[] alignedFirst = new int[n];
        int[][] index = new int[n][];
        boolean[][] present = new boolean[n][];
        for (int i = 0; i < n; i++) {
            OhlcvSeries s = series.get(i);
            if (count[i] == union.length) {
                // The union holds every bar of every instrument, so as many bars as steps means
                // one bar at each step.
                alignedFirst[i] = first[i];
                continue;
            }
            alignedFirst[i] = -1;
            index[i] = new int[union.length];
            present[i] = new boolean[union.length];
            int cursor = first[i] - 1;
            for (int step = 0; step < union.length; step++) {
                while (cursor + 1 < s.size() && s.timeMillis(cursor + 1) <= union[step]) {
                    cursor++;
                }
                index[i][step] = cursor;
                present[i][step] = cursor >= 0 && s.timeMillis(cursor) == union[step];
            }
        }
        return new MarketClock(union, null, union.length, alignedFirst, index, present);
    }

    /** Returns the sorted union of the times of bars {@code first[i] .. first[i] + count[i] - 1} of each series. */
    private static long[] unionOfTimes(List<OhlcvSeries> series, int[] first, int[] count) {
        long[] union = new long[0];
        for (int i = 0; i < series.size(); i++) {
            union = merge(union, series.get(i), first[i], count[i]);
        }
        return union;
    }

    /** Merges sorted, distinct {@code times} with bars {@code from .. from + count - 1} of {@code s}, dropping repeats. */
    private static long[] merge(long[] times, OhlcvSeries s, int from, int count) {
        long[] out = new long[times.length + count];
        int a = 0;
        int b = 0;
        int k = 0;
        while (a < times.length || b < count) {
            long t;
            if (b == count || (a < times.length && times[a] < s.timeMillis(from + b))) {
                t = times[a++];
            } else if (a == times.length || s.timeMillis(from + b) < times[a]) {
                t = s.timeMillis(from + b++);
            } else {
                t = times[a++];
                b++;
            }
            out[k++] = t;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * Returns whether instrument {@code instrument} has a bar at every step, so that its bar at
     * step {@code s} is {@code barIndex(instrument, 0) + s}.
     */
    public boolean isAligned(int instrument) {
        return barIndex[instrument] == null;
    }

    /** Returns the number of steps. */
    public int size() {
        return size;
    }

    /** Returns the time of {@code step} in UTC epoch milliseconds. */
    public long timeMillis(int step) {
        if (times != null) {
            return times[step];
        }
        Objects.checkIndex(step, size);
        return single.timeMillis(alignedFirst[0] + step);
    }

    /** Returns the time of {@code step}. */
    public Instant time(int step) {
        return Instant.ofEpochMilli(timeMillis(step));
    }

    /**
     * Returns the index, in instrument {@code instrument}'s series, of its last bar at or before
     * {@code step}: its current bar, or -1 when it has no bar yet.
     */
    public int barIndex(int instrument, int step) {
        int[] row = barIndex[instrument];
        if (row == null) {
            Objects.checkIndex(step, size);
            return alignedFirst[instrument] + step;
        }
        return row[step];
    }

    /** Returns whether instrument {@code instrument} has a bar stamped exactly at {@code step}. */
    public boolean hasBar(int instrument, int step) {
        boolean[] row = hasBar[instrument];
        if (row == null) {
            Objects.checkIndex(step, size);
            return true;
        }
        return row[step];
    }
}
