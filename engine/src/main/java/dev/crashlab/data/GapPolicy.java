package dev.crashlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gap policy says what a load does with missing intraday bars (1m, 5m, 1h ...): refuse the
 * file, keep the holes, or fill them with flat zero-volume bars. Whatever it says, gaps are
 * never silent: each one is a {@link DataWarning.Kind#GAP} warning on the series, and a run on
 * intraday bars states them in its results' warnings ({@link #summary}).
 *
 * <p>A gap is a run of missing bars between two bars of the same series: the grid times strictly
 * between them, whole multiples of the interval since 1970 for markets open around the clock
 * (when the interval divides a day), else steps of the interval from the earlier bar. For instruments that do not trade around
 * the clock only gaps inside one UTC day count, since nights and weekends have no bars. Daily
 * and longer bars are not touched: their gaps follow the trading calendar and stay warnings.
 */
public enum GapPolicy {
    /** Refuse a file with any gap: the load fails naming the file, the line after the gap and the missing bars. */
    REFUSE,
    /** Keep the holes: the series has no bars there, and strategies see time jump. The default. */
    KEEP,
    /**
     * Fill each missing bar with a flat bar at the previous close (open = high = low = close) and
     * zero volume: no price moves and no fill can happen inside a hole, which is the assumption;
     * the series carries one {@link DataWarning.Kind#FILLED} warning with the count.
     */
    FILL;

    private static final long DAY_MILLIS = 86_400_000L;

    /** Returns the name used in configs: {@code refuse}, {@code keep} or {@code fill}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns {@code series} as this policy wants it: unchanged for daily and longer bars and for
     * {@link #KEEP}; for {@link #REFUSE} it throws a {@link DataFileException} at the first gap;
     * for {@link #FILL} it returns a new series with the holes filled.
     */
    public OhlcvSeries apply(OhlcvSeries series) {
        if (this == KEEP || series.interval().isWholeDays() || series.gapCount() == 0) {
            return series;
        }
        if (this == REFUSE) {
            DataWarning first = series.warnings().stream().filter(w -> w.kind() == DataWarning.Kind.GAP).findFirst()
                    .orElseThrow();
            int more = series.gapCount() - 1;
            throw new DataFileException(first.file(), first.line(), null, first.message()
                    + (more == 0 ? "" : " and " + more + " more gap" + (more == 1 ? "" : "s"))
                    + " (gaps: refuse); set gaps: keep to keep the holes or gaps: fill to fill them with flat bars");
        }
        return fill(series);
    }

    private static OhlcvSeries fill(OhlcvSeries series) {
        long interval = series.interval().nominal().toMillis();
        boolean allDay = series.instrument().calendar() == TradingCalendar.ALWAYS_OPEN;
        int n = series.size();
        long added = 0;
        for (int i = 1; i < n; i++) {
            if (fills(series, i, interval, allDay)) {
                added += missingBars(series.timeMillis(i - 1), series.timeMillis(i), interval, grid(interval, allDay));
            }
        }
        int size = Math.toIntExact(n + added);
        long[] t = new long[size];
        double[] o = new double[size];
        double[] h = new double[size];
        double[] l = new double[size];
        double[] c = new double[size];
        double[] v = new double[size];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && fills(series, i, interval, allDay)) {
                double flat = series.close(i - 1);
                long time = firstMissing(series.timeMillis(i - 1), interval, grid(interval, allDay));
                for (; time < series.timeMillis(i); time += interval, k++) {
                    t[k] = time;
                    o[k] = flat;
                    h[k] = flat;
                    l[k] = flat;
                    c[k] = flat;
                }
            }
            t[k] = series.timeMillis(i);
            o[k] = series.open(i);
            h[k] = series.high(i);
            l[k] = series.low(i);
            c[k] = series.close(i);
            v[k] = series.volume(i);
            k++;
        }
        List<DataWarning> warnings = new ArrayList<>(series.warnings());
        warnings.add(new DataWarning(DataWarning.Kind.FILLED, series.source().path(), 0, added + " missing "
                + series.interval() + " bar" + (added == 1 ? "" : "s") + " in " + series.gapCount() + " gap"
                + (series.gapCount() == 1 ? "" : "s") + " filled with flat zero-volume bars at the previous close"
                + " (gaps: fill)"));
        return new OhlcvSeries(series.instrument(), t, o, h, l, c, v, series.source(), warnings);
    }

    private static boolean fills(OhlcvSeries series, int i, long interval, boolean allDay) {
        long previous = series.timeMillis(i - 1);
        long time = series.timeMillis(i);
        return time - previous > interval
                && (allDay || Math.floorDiv(time, DAY_MILLIS) == Math.floorDiv(previous, DAY_MILLIS));
    }

    private static boolean grid(long interval, boolean allDay) {
        return allDay && DAY_MILLIS % interval == 0;
    }

    /** Returns the first time a bar is missing after {@code previous}: the next multiple of the interval on a grid, else one interval on. */
    private static long firstMissing(long previous, long interval, boolean grid) {
        return grid ? Math.floorDiv(previous, interval) * interval + interval : previous + interval;
    }

    /**
     * Returns how many bars of {@code interval} are missing between bars stamped {@code previous}
     * and {@code next}: the times strictly between them on the grid of whole multiples of the
     * interval when {@code grid}, else in steps of the interval from {@code previous}.
     */
    public static long missingBars(long previous, long next, long interval, boolean grid) {
        long first = firstMissing(previous, interval, grid);
        return first >= next ? 0 : (next - first + interval - 1) / interval;
    }

    /**
     * Returns what a run's results say about the gaps of an intraday series, such as
     * {@code BTCUSDT.csv: 1h bars: 28 gaps (1,204 bars missing) kept as holes (gaps: keep)}, or
     * {@code null} for daily and longer bars and for a series without gaps.
     */
    public static String summary(OhlcvSeries series) {
        if (series.interval().isWholeDays() || series.gapCount() == 0) {
            return null;
        }
        long interval = series.interval().nominal().toMillis();
        long missing = 0;
        boolean filled = false;
        for (DataWarning w : series.warnings()) {
            filled |= w.kind() == DataWarning.Kind.FILLED;
        }
        boolean allDay = series.instrument().calendar() == TradingCalendar.ALWAYS_OPEN;
        for (int i = 1; i < series.size(); i++) {
            if (fills(series, i, interval, allDay)) {
                missing += missingBars(series.timeMillis(i - 1), series.timeMillis(i), interval, grid(interval, allDay));
            }
        }
        int gaps = series.gapCount();
        String first = series.warnings().stream().filter(w -> w.kind() == DataWarning.Kind.GAP).findFirst()
                .map(DataWarning::toString).orElse("");
        return series.source().path() + ": " + series.interval() + " bars of " + series.symbol() + ": " + gaps + " gap"
                + (gaps == 1 ? "" : "s") + (filled ? " filled with flat zero-volume bars (gaps: fill)"
                        : String.format(Locale.ROOT, " (%,d bars missing) kept as holes (gaps: keep)", missing))
                + "; first: " + first;
    }

    @Override
    public String toString() {
        return label();
    }
}
