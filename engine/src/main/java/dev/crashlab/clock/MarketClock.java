package dev.crashlab.clock;

import dev.crashlab.data.BarInterval;
import dev.crashlab.data.MarketData;
import dev.crashlab.data.OhlcvSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The market clock puts several instruments on one time line: each step is the moment some of
 * their bars close.
 *
 * <h2>The rule</h2>
 * A bar becomes visible when it ends (see {@link BarInterval}): a step sees exactly the bars
 * whose end is at or before the step's close. Steps are labelled with the start of the period
 * of the universe's shortest bars ({@link #interval()}): step {@code t} closes at
 * {@code t + interval}. In a universe of one bar length, a step's time is therefore the start of
 * its bars, as bars are stamped; with daily and hourly bars, the step labelled 23:00 is the one
 * at which the day's daily bar (stamped 00:00, ending at 24:00) becomes visible, and at every
 * earlier hour of that day the daily instrument's current bar is the previous day's. Weekly
 * (Monday-stamped) bars among daily ones become visible at the Sunday step, when the week ends.
 *
 * <p>At each step, an instrument either has a bar that closes at that step, or it does not (a
 * weekend for an equity in a universe with crypto, an exchange holiday, the hours of a daily
 * bar in an hourly universe). With a bar, its waiting orders can fill on that bar and its
 * indicators update. Without one, it keeps its last close for marking (equity, margin) and its
 * orders wait. Bars that close before {@code start} are history: a strategy sees them as its
 * past from the first step on.
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
    private final BarInterval interval;
    // Per instrument: its bar index at step 0 when its bars are exactly the steps ("aligned"),
    // then barIndex and hasBar hold no row for it: a single instrument, or instruments sharing one
    // calendar, need no per-step tables.
    private final int[] alignedFirst;
    private final int[][] barIndex;
    private final boolean[][] hasBar;

    private MarketClock(long[] times, OhlcvSeries single, int size, BarInterval interval, int[] alignedFirst,
            int[][] barIndex, boolean[][] hasBar) {
        this.times = times;
        this.single = single;
        this.size = size;
        this.interval = interval;
        this.alignedFirst = alignedFirst;
        this.barIndex = barIndex;
        this.hasBar = hasBar;
    }

    /** Returns the clock of {@code data}'s instruments, in the order of {@link MarketData#prices()}, over [start, end]. */
    public static MarketClock of(MarketData data, Instant start, Instant end) {
        return of(data.prices(), start, end);
    }

    /**
     * Returns the clock of the given series whose steps lie in [start, end], both inclusive: the
     * steps at which their bars close, labelled as {@link MarketClock} says.
     */
    public static MarketClock of(List<OhlcvSeries> series, Instant start, Instant end) {
        long from = start.toEpochMilli();
        long to = end.toEpochMilli();
        if (from > to) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        int n = series.size();
        BarInterval interval = finestInterval(series);
        Steps[] steps = new Steps[n];
        int[] first = new int[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            steps[i] = Steps.of(series.get(i), interval);
            first[i] = steps[i].atOrBefore(from - 1) + 1;
            count[i] = steps[i].atOrBefore(to) + 1 - first[i];
        }
        if (n == 1) {
            return new MarketClock(null, series.getFirst(), count[0], interval, first, new int[1][], new boolean[1][]);
        }
        long[] union = unionOfTimes(steps, first, count);
        int[] alignedFirst = new int[n];
        int[][] index = new int[n][];
        boolean[][] present = new boolean[n][];
        for (int i = 0; i < n; i++) {
            Steps own = steps[i];
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
                while (cursor + 1 < own.size() && own.at(cursor + 1) <= union[step]) {
                    cursor++;
                }
                index[i][step] = cursor;
                present[i][step] = cursor >= 0 && own.at(cursor) == union[step];
            }
        }
        return new MarketClock(union, null, union.length, interval, alignedFirst, index, present);
    }

    /** Returns the shortest bar interval of {@code series}: one day for none. */
    public static BarInterval finestInterval(List<OhlcvSeries> series) {
        BarInterval finest = null;
        for (OhlcvSeries s : series) {
            if (finest == null || s.interval().compareTo(finest) < 0) {
                finest = s.interval();
            }
        }
        return finest == null ? BarInterval.DAY : finest;
    }

    /**
     * The step each bar of one series closes at: the start of the shortest period that ends when
     * the bar ends. A bar of the shortest length is its own step, so its times serve as they are
     * and a long series is not copied.
     */
    private record Steps(OhlcvSeries series, long[] own) {

        static Steps of(OhlcvSeries series, BarInterval shortest) {
            if (series.interval().equals(shortest)) {
                return new Steps(series, null);
            }
            long[] own = new long[series.size()];
            for (int b = 0; b < own.length; b++) {
                own[b] = shortest.startMillis(series.endMillis(b));
            }
            return new Steps(series, own);
        }

        int size() {
            return series.size();
        }

        long at(int bar) {
            return own == null ? series.timeMillis(bar) : own[bar];
        }

        /** Returns the index of the last bar whose step is at or before {@code time}, or -1. */
        int atOrBefore(long time) {
            if (own == null) {
                return series.indexAtOrBefore(time);
            }
            int i = Arrays.binarySearch(own, time);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** Returns the sorted union of the step times {@code first[i] .. first[i] + count[i] - 1} of each instrument. */
    private static long[] unionOfTimes(Steps[] steps, int[] first, int[] count) {
        long[] union = new long[0];
        for (int i = 0; i < steps.length; i++) {
            union = merge(union, steps[i], first[i], count[i]);
        }
        return union;
    }

    /** Merges sorted, distinct {@code times} with {@code other[from .. from + count - 1]}, dropping repeats. */
    private static long[] merge(long[] times, Steps other, int from, int count) {
        long[] out = new long[times.length + count];
        int a = 0;
        int b = 0;
        int k = 0;
        while (a < times.length || b < count) {
            long t;
            if (b == count || (a < times.length && times[a] < other.at(from + b))) {
                t = times[a++];
            } else if (a == times.length || other.at(from + b) < times[a]) {
                t = other.at(from + b++);
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

    /** Returns the universe's shortest bar interval: step {@code s} closes at {@code interval().endMillis(timeMillis(s))}. */
    public BarInterval interval() {
        return interval;
    }

    /** Returns the instant step {@code step}'s bars closed, in UTC epoch milliseconds: the end of the step's period. */
    public long closeMillis(int step) {
        return interval.endMillis(timeMillis(step));
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
     * Returns the index, in instrument {@code instrument}'s series, of its last bar closed by
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

    /** Returns the index of instrument {@code instrument}'s last bar closed before the first step, or -1. */
    public int barIndexBefore(int instrument) {
        return size == 0 ? -1 : barIndex(instrument, 0) - (hasBar(instrument, 0) ? 1 : 0);
    }

    /** Returns whether a bar of instrument {@code instrument} closes at {@code step}. */
    public boolean hasBar(int instrument, int step) {
        boolean[] row = hasBar[instrument];
        if (row == null) {
            Objects.checkIndex(step, size);
            return true;
        }
        return row[step];
    }
}
