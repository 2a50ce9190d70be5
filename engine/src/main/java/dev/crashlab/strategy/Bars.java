package dev.crashlab.strategy;

import dev.crashlab.data.Bar;
import dev.crashlab.data.Instrument;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The bars of one instrument as a strategy sees them: from the first bar of its history up to
 * and including the current one, never further. Index 0 is the oldest bar; {@code size() - 1}
 * the current one. Asking for an index at or beyond {@link #size()} throws
 * {@link IndexOutOfBoundsException}: that bar lies in the future.
 *
 * <p>The view is live: as the backtest advances, {@code size()} grows. An instrument without a
 * bar at the current step (an equity on a Sunday) keeps its last bar as current, and
 * {@link #isNew()} is false.
 */
public interface Bars {

    /** Returns the instrument, its calendar bound to the current step as in {@link StrategyContext#instruments()}. */
    Instrument instrument();

    /** Returns the instrument's symbol, as the config names it. */
    default String symbol() {
        return instrument().symbol().value();
    }

    /** Returns the number of bars up to and including the current one. */
    int size();

    /** Returns whether the instrument has no bar yet. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** Returns whether the current bar arrived at this step (false when the instrument has no bar now). */
    boolean isNew();

    /** Returns the start of bar {@code i}'s period. */
    Instant time(int i);

    /** Returns the UTC date of bar {@code i}. */
    LocalDate date(int i);

    /** Returns the open of bar {@code i}. */
    double open(int i);

    /** Returns the high of bar {@code i}. */
    double high(int i);

    /** Returns the low of bar {@code i}. */
    double low(int i);

    /** Returns the close of bar {@code i}. */
    double close(int i);

    /** Returns the volume of bar {@code i}. */
    double volume(int i);

    /** Returns bar {@code i} as a value. */
    default Bar bar(int i) {
        return new Bar(time(i), open(i), high(i), low(i), close(i), volume(i));
    }

    /** Returns the current bar's open. */
    default double open() {
        return open(size() - 1);
    }

    /** Returns the current bar's high. */
    default double high() {
        return high(size() - 1);
    }

    /** Returns the current bar's low. */
    default double low() {
        return low(size() - 1);
    }

    /** Returns the current bar's close. */
    default double close() {
        return close(size() - 1);
    }

    /** Returns the close {@code barsAgo} bars before the current one ({@code 0}: the current close). */
    default double closeAgo(int barsAgo) {
        return close(size() - 1 - barsAgo);
    }

    /**
     * Returns the highest close of the last {@code bars} bars, the current one included, or NaN
     * while there are fewer (or {@code bars < 1}): the high of {@code drawdownFromHigh(bars)}. The
     * engine's bars answer in O(1) from a rolling max computed ahead; this default scans them.
     */
    default double highestClose(int bars) {
        if (bars < 1 || size() < bars) {
            return Double.NaN;
        }
        double high = close(size() - 1);
        for (int i = size() - bars; i < size() - 1; i++) {
            high = Math.max(high, close(i));
        }
        return high;
    }

    /**
     * Returns the highest close of the bars before the current one dated within the {@code days}
     * calendar days before the current bar's date (NaN when there is none). A window in calendar
     * days is no fixed number of bars on a weekday calendar. The engine's bars answer in O(1)
     * from the highs of every bar computed ahead ({@code HighOfDaysBefore}); this default scans
     * the bars of those days.
     */
    default double highestCloseOfDaysBefore(int days) {
        LocalDate from = date(size() - 1).minusDays(days);
        double high = Double.NaN;
        for (int i = size() - 2; i >= 0 && !date(i).isBefore(from); i--) {
            high = Double.isNaN(high) ? close(i) : Math.max(high, close(i));
        }
        return high;
    }

    /**
     * Returns the highest close of the bars dated after {@code date}, the current one included
     * (NaN when there is none): the high a trailing stop trails since an entry on that date. The
     * engine's bars extend their last answer for the same date over the bars since, O(1)
     * amortised when asked every bar; this default scans back to the date.
     */
    default double highestCloseSince(LocalDate date) {
        double high = Double.NaN;
        for (int i = size() - 1; i >= 0 && date(i).isAfter(date); i--) {
            high = Double.isNaN(high) ? close(i) : Math.max(high, close(i));
        }
        return high;
    }

    /** Returns a copy of the closes up to and including the current bar. */
    default double[] closes() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = close(i);
        }
        return out;
    }

    /**
     * Returns the index of the last bar dated on or before {@code date}, or -1 when there is none:
     * the bar whose close was the instrument's last on that date (an equity's Friday bar for a
     * Sunday). It reads back from the current bar, so it costs the number of bars dated after
     * {@code date}.
     */
    default int indexOnOrBefore(LocalDate date) {
        int i = size() - 1;
        while (i >= 0 && date(i).isAfter(date)) {
            i--;
        }
        return i;
    }
}
