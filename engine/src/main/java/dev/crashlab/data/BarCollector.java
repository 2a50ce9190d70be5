package dev.crashlab.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the bars a loader reads, with the line each came from, and turns them into an
 * {@link OhlcvSeries}: it applies the bar rules, refuses duplicate and (unless lenient)
 * unsorted timestamps, and warns about gaps and bars on closed days. Every loader goes through
 * here, so every format obeys the same rules with the same messages.
 *
 * <p>It is the one gate between a file's rows and a series: readers ({@code data.io}) parse text
 * into numbers and times, and this type alone decides whether they make valid bars.
 */
public final class BarCollector {

    private static final long DAY_MILLIS = 86_400_000L;

    private final String file;
    private final Instrument instrument;
    private final boolean lenient;
    private final String[] fieldNames;
    private long[] times = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private long[] lines = new long[1024];
    private int size;
    private boolean sorted = true;
    private final List<DataWarning> warnings = new ArrayList<>();

    /**
     * Creates a collector.
     *
     * @param fieldNames the file's own names of time, open, high, low, close and volume, used in
     *                   error messages
     */
    public BarCollector(String file, Instrument instrument, boolean lenient, String[] fieldNames) {
        this.file = file;
        this.instrument = instrument;
        this.lenient = lenient;
        this.fieldNames = fieldNames.clone();
    }

    /**
     * Makes room for {@code rows} bars at once, so that a loader that knows about how many rows
     * a file holds does not copy its columns as they grow; the columns are handed to the series
     * as they are when exactly that many bars arrive.
     */
    public void expect(int rows) {
        if (rows > times.length) {
            resize(rows);
        }
    }

    /** Adds the bar read at {@code line}, or throws naming the line and the field at fault. */
    public void add(long line, long time, double o, double h, double l, double c, double v) {
        BarRules.Violation violation = BarRules.check(o, h, l, c, v);
        if (violation != null) {
            throw new DataFileException(file, line, fileName(violation.field()), violation.problem());
        }
        if (size > 0 && time <= times[size - 1]) {
            if (time == times[size - 1]) {
                throw duplicate(line, lines[size - 1], time);
            }
            if (!lenient) {
                throw new DataFileException(file, line, fieldNames[0], "rows are not sorted by time: "
                        + Instant.ofEpochMilli(time) + " comes after " + Instant.ofEpochMilli(times[size - 1])
                        + " on line " + lines[size - 1] + " (load in lenient mode to sort them)");
            }
            sorted = false;
        }
        grow();
        times[size] = time;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        lines[size] = line;
        size++;
    }

    /** Adds a warning found by the loader itself. */
    public void warn(DataWarning warning) {
        warnings.add(warning);
    }

    /** Returns the series, or throws when the file held no bars. */
    public OhlcvSeries finish(DataSource source) {
        if (size == 0) {
            throw new DataFileException(file, 0, null, "empty file: no data rows");
        }
        if (!sorted) {
            sortByTime();
        }
        long[] t = exact(times);
        BarInterval interval = OhlcvSeries.inferInterval(t);
        if (interval.equals(BarInterval.DAY)) {
            checkCalendar(t);
        } else if (!interval.isCalendarMonth()) {
            // Months vary in length; weeks and intraday bars have a fixed one.
            checkIntradayGaps(t, interval.nominal().toMillis());
        }
        OhlcvSeries series = new OhlcvSeries(instrument, t, exact(open), exact(high), exact(low), exact(close),
                exact(volume), source, warnings);
        // The series may own these columns now: a collector is used up by finishing.
        times = null;
        open = null;
        high = null;
        low = null;
        close = null;
        volume = null;
        return series;
    }

    /** Returns the first {@code size} values: the column itself when it is exactly that long (nothing keeps it). */
    private long[] exact(long[] column) {
        return column.length == size ? column : Arrays.copyOf(column, size);
    }

    private double[] exact(double[] column) {
        return column.length == size ? column : Arrays.copyOf(column, size);
    }

    private void sortByTime() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        long[] t = new long[size];
        double[] o = new double[size];
        double[] h = new double[size];
        double[] l = new double[size];
        double[] c = new double[size];
        double[] v = new double[size];
        long[] ln = new long[size];
        int moved = 0;
        for (int i = 0; i < size; i++) {
            int k = order[i];
            if (k != i) {
                moved++;
            }
            t[i] = times[k];
            o[i] = open[k];
            h[i] = high[k];
            l[i] = low[k];
            c[i] = close[k];
            v[i] = volume[k];
            ln[i] = lines[k];
            if (i > 0 && t[i] == t[i - 1]) {
                throw duplicate(Math.max(ln[i], ln[i - 1]), Math.min(ln[i], ln[i - 1]), t[i]);
            }
        }
        times = t;
        open = o;
        high = h;
        low = l;
        close = c;
        volume = v;
        lines = ln;
        warnings.add(new DataWarning(DataWarning.Kind.UNSORTED, file, 0,
                "rows were not sorted by time; lenient mode sorted them (" + moved + " rows moved)"));
    }

    private void checkCalendar(long[] t) {
        TradingCalendar calendar = instrument.calendar();
        for (int i = 0; i < t.length; i++) {
            LocalDate date = LocalDate.ofEpochDay(t[i] / DAY_MILLIS);
            if (!calendar.isTradingDay(date)) {
                warnings.add(new DataWarning(DataWarning.Kind.OFF_CALENDAR, file, lines[i],
                        "bar dated " + date + " (" + date.getDayOfWeek() + "), a day " + calendar.id() + " is closed"));
            }
            if (i > 0) {
                LocalDate previous = LocalDate.ofEpochDay(t[i - 1] / DAY_MILLIS);
                int missing = calendar.tradingDaysBetween(previous, date);
                if (missing > calendar.toleratedMissingDays(date)) {
                    warnings.add(new DataWarning(DataWarning.Kind.GAP, file, lines[i], missing + " trading day"
                            + (missing == 1 ? "" : "s") + " of " + calendar.id() + " missing between " + previous
                            + " and " + date));
                }
            }
        }
    }

    /**
     * Warns about each run of missing intraday bars and, for markets open around the clock, each
     * bar off the interval's grid (whole multiples of the interval since 1970, when the interval
     * divides a day). A gap counts the
     * grid times strictly between two bars, so a hole that ends on an off-grid bar counts the
     * hours it really misses.
     */
    private void checkIntradayGaps(long[] t, long interval) {
        boolean allDay = instrument.calendar() == TradingCalendar.ALWAYS_OPEN;
        // Around-the-clock markets stamp bars on the clock's grid; exchange sessions may open at :30.
        boolean grid = allDay && DAY_MILLIS % interval == 0;
        for (int i = 0; i < t.length; i++) {
            if (grid && Math.floorMod(t[i], interval) != 0) {
                warnings.add(new DataWarning(DataWarning.Kind.OFF_GRID, file, lines[i], "bar stamped "
                        + Instant.ofEpochMilli(t[i]) + " is off the " + BarInterval.of(java.time.Duration.ofMillis(interval))
                        + " grid; kept as the file has it"));
            }
            if (i == 0) {
                continue;
            }
            long step = t[i] - t[i - 1];
            boolean sameDay = Math.floorDiv(t[i], DAY_MILLIS) == Math.floorDiv(t[i - 1], DAY_MILLIS);
            if (step > interval && (allDay || sameDay)) {
                long missing = GapPolicy.missingBars(t[i - 1], t[i], interval, grid);
                if (missing > 0) {
                    warnings.add(new DataWarning(DataWarning.Kind.GAP, file, lines[i], missing + " bar"
                            + (missing == 1 ? "" : "s") + " missing between " + Instant.ofEpochMilli(t[i - 1]) + " and "
                            + Instant.ofEpochMilli(t[i])));
                }
            }
        }
    }

    private DataFileException duplicate(long line, long firstLine, long time) {
        return new DataFileException(file, line, fieldNames[0], "duplicate timestamp " + Instant.ofEpochMilli(time)
                + ": also on line " + firstLine);
    }

    private String fileName(String canonicalField) {
        return switch (canonicalField) {
            case "open" -> fieldNames[1];
            case "high" -> fieldNames[2];
            case "low" -> fieldNames[3];
            case "close" -> fieldNames[4];
            case "volume" -> fieldNames[5];
            default -> canonicalField;
        };
    }

    private void grow() {
        if (size == times.length) {
            resize(size * 2);
        }
    }

    private void resize(int capacity) {
        times = Arrays.copyOf(times, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, capacity);
        lines = Arrays.copyOf(lines, capacity);
    }
}
