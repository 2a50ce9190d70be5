package dev.crashlab.data;

import dev.crashlab.data.io.PriceLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An OHLCV series is the price history of one instrument, stored by column in primitive arrays
 * and immutable once built: times in UTC epoch milliseconds, strictly increasing, and the open,
 * high, low, close and volume of each bar.
 *
 * <p>Every series that exists has passed the bar rules: prices finite and positive, high at
 * least low, open and close inside [low, high], volume finite and non-negative, times strictly
 * increasing. Loaders ({@link PriceLoader}) report a broken row with its file, line and field;
 * {@link #builder(Instrument)} throws {@link IllegalArgumentException} naming the bar.
 *
 * <p>Strategies never see this type: they see a view that ends at the current bar.
 */
public final class OhlcvSeries {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Instrument instrument;
    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final BarInterval interval;
    private final DataSource source;
    private final List<DataWarning> warnings;

    /** Takes ownership of the arrays, which must already satisfy the bar rules. */
    OhlcvSeries(Instrument instrument, long[] times, double[] open, double[] high, double[] low, double[] close,
            double[] volume, DataSource source, List<DataWarning> warnings) {
        this(instrument, times, open, high, low, close, volume, source, warnings, inferInterval(times));
    }

    private OhlcvSeries(Instrument instrument, long[] times, double[] open, double[] high, double[] low, double[] close,
            double[] volume, DataSource source, List<DataWarning> warnings, BarInterval interval) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.times = times;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.source = Objects.requireNonNull(source, "source");
        this.warnings = List.copyOf(warnings);
    }

    /** Returns a builder for an in-memory series of {@code instrument}, for tests and generated data. */
    public static Builder builder(Instrument instrument) {
        return new Builder(instrument);
    }

    /**
     * Returns a series that owns the given columns (they must not be changed afterwards), after
     * checking every bar against the bar rules and the times for strict increase: the way in for
     * columns stored by a cache, whose bars passed a loader once and are checked again here,
     * cheaply, rather than trusted. The interval is inferred as for a loaded file.
     *
     * @throws IllegalArgumentException naming the first bar at fault
     */
    public static OhlcvSeries ofColumns(Instrument instrument, long[] times, double[] open, double[] high,
            double[] low, double[] close, double[] volume, DataSource source, List<DataWarning> warnings) {
        int n = times.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException(instrument.symbol() + ": columns of different lengths");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException(instrument.symbol() + " bar " + i + " (" + Instant.ofEpochMilli(times[i])
                        + "): time must be after the previous bar's " + Instant.ofEpochMilli(times[i - 1]));
            }
            BarRules.Violation violation = BarRules.check(open[i], high[i], low[i], close[i], volume[i]);
            if (violation != null) {
                throw new IllegalArgumentException(instrument.symbol() + " bar " + i + " (" + Instant.ofEpochMilli(times[i])
                        + "): field '" + violation.field() + "': " + violation.problem());
            }
        }
        return new OhlcvSeries(instrument, times, open, high, low, close, volume, source, warnings);
    }

    /** Returns the instrument these bars belong to. */
    public Instrument instrument() {
        return instrument;
    }

    /** Returns the instrument's symbol. */
    public Symbol symbol() {
        return instrument.symbol();
    }

    /** Returns the number of bars. */
    public int size() {
        return times.length;
    }

    /** Returns the start of bar {@code i}'s period in UTC epoch milliseconds. */
    public long timeMillis(int i) {
        return times[i];
    }

    /** Returns the end of bar {@code i}'s period in UTC epoch milliseconds: the bar is complete, and visible, from then on. */
    public long endMillis(int i) {
        return interval.endMillis(times[i]);
    }

    /** Returns the start of bar {@code i}'s period. */
    public Instant time(int i) {
        return Instant.ofEpochMilli(times[i]);
    }

    /** Returns the UTC date of bar {@code i}: its trading date for daily bars. */
    public LocalDate date(int i) {
        return LocalDate.ofEpochDay(Math.floorDiv(times[i], DAY_MILLIS));
    }

    /** Returns the open of bar {@code i}. */
    public double open(int i) {
        return open[i];
    }

    /** Returns the high of bar {@code i}. */
    public double high(int i) {
        return high[i];
    }

    /** Returns the low of bar {@code i}. */
    public double low(int i) {
        return low[i];
    }

    /** Returns the close of bar {@code i}. */
    public double close(int i) {
        return close[i];
    }

    /** Returns the volume of bar {@code i}. */
    public double volume(int i) {
        return volume[i];
    }

    /** Returns bar {@code i} as a value. */
    public Bar bar(int i) {
        return new Bar(time(i), open[i], high[i], low[i], close[i], volume[i]);
    }

    /** Returns a copy of the closes, oldest first. */
    public double[] closes() {
        return close.clone();
    }

    /**
     * Returns the bar interval: given when the series was built (resampled bars), else inferred
     * from the most common distance between bars: bars all stamped 00:00 UTC are daily when it is
     * under six days (longer gaps are weekends and holidays), weekly at six to eight days, calendar
     * months at 27 to 32 days (ending on the 1st of the next month, wherever in the month they are
     * stamped), else that many days; other bars that distance; one day for a series of fewer than
     * two bars.
     */
    public BarInterval interval() {
        return interval;
    }

    /** Returns whether the bars are daily bars keyed by date. */
    public boolean isDaily() {
        return interval.equals(BarInterval.DAY);
    }

    /** Returns where the series was loaded from. */
    public DataSource source() {
        return source;
    }

    /** Returns the warnings raised while loading, in file order. */
    public List<DataWarning> warnings() {
        return warnings;
    }

    /** Returns the number of gaps longer than the calendar allows. */
    public int gapCount() {
        return (int) warnings.stream().filter(w -> w.kind() == DataWarning.Kind.GAP).count();
    }

    /**
     * Returns the index of the last bar whose time is at or before {@code epochMillis}, or -1 when
     * every bar is later.
     */
    public int indexAtOrBefore(long epochMillis) {
        int i = Arrays.binarySearch(times, epochMillis);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * Returns the bars whose time lies in [{@code from}, {@code to}], both inclusive, as a new
     * series with the same instrument, interval, source and warnings.
     */
    public OhlcvSeries between(Instant from, Instant to) {
        int start = indexAtOrBefore(from.toEpochMilli() - 1) + 1;
        int end = indexAtOrBefore(to.toEpochMilli()) + 1;
        if (start == 0 && end == times.length) {
            return this;
        }
        end = Math.max(start, end);
        return new OhlcvSeries(instrument, Arrays.copyOfRange(times, start, end), Arrays.copyOfRange(open, start, end),
                Arrays.copyOfRange(high, start, end), Arrays.copyOfRange(low, start, end),
                Arrays.copyOfRange(close, start, end), Arrays.copyOfRange(volume, start, end), source, warnings,
                interval);
    }

    static BarInterval inferInterval(long[] times) {
        if (times.length < 2) {
            return BarInterval.DAY;
        }
        boolean midnights = true;
        for (long t : times) {
            midnights &= Math.floorMod(t, DAY_MILLIS) == 0;
        }
        long usual = usualDistance(times);
        if (!midnights) {
            return BarInterval.of(Duration.ofMillis(usual));
        }
        long days = usual / DAY_MILLIS;
        if (days < 6) {
            return BarInterval.DAY;
        }
        if (days <= 8) {
            return BarInterval.WEEK;
        }
        return days >= 27 && days <= 32 ? BarInterval.MONTH : BarInterval.of(Duration.ofDays(days));
    }

    /**
     * Returns the most common distance between consecutive bars: one odd stamp (a bar at
     * 09:28:14 among hourly ones) or a week that starts on a Tuesday after a holiday must not
     * make the series look finer than it is, which would show its bars before they end.
     */
    private static long usualDistance(long[] times) {
        long shortest = Long.MAX_VALUE;
        for (int i = 1; i < times.length; i++) {
            shortest = Math.min(shortest, times[i] - times[i - 1]);
        }
        int atShortest = 0;
        for (int i = 1; i < times.length; i++) {
            atShortest += times[i] - times[i - 1] == shortest ? 1 : 0;
        }
        if (2 * atShortest >= times.length - 1) {
            return shortest;
        }
        long[] distances = new long[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            distances[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(distances);
        long best = distances[0];
        int bestCount = 0;
        for (int i = 0; i < distances.length; ) {
            int j = i;
            while (j < distances.length && distances[j] == distances[i]) {
                j++;
            }
            if (j - i > bestCount) {
                best = distances[i];
                bestCount = j - i;
            }
            i = j;
        }
        return best;
    }

    @Override
    public String toString() {
        if (times.length == 0) {
            return "OhlcvSeries(" + instrument.symbol() + ", 0 bars)";
        }
        return "OhlcvSeries(" + instrument.symbol() + ", " + times.length + " bars, " + time(0) + " .. "
                + time(times.length - 1) + ")";
    }

    /**
     * Builds a series in memory, checking each bar against the bar rules as it is added.
     * Daily helpers stamp bars at 00:00 UTC of their date.
     */
    public static final class Builder {
        private final Instrument instrument;
        private long[] times = new long[64];
        private double[] open = new double[64];
        private double[] high = new double[64];
        private double[] low = new double[64];
        private double[] close = new double[64];
        private double[] volume = new double[64];
        private int size;
        private DataSource source;
        private BarInterval interval;
        private final List<DataWarning> warnings = new ArrayList<>();

        private Builder(Instrument instrument) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
            this.source = DataSource.inMemory(instrument.symbol().value());
        }

        /** Adds a bar; its time must be later than the previous bar's. */
        public Builder add(Instant time, double o, double h, double l, double c, double v) {
            long t = time.toEpochMilli();
            // The label is built only for an error: generated histories add millions of bars.
            if (size > 0 && t <= times[size - 1]) {
                throw new IllegalArgumentException(label(time) + ": time must be after the previous bar's "
                        + Instant.ofEpochMilli(times[size - 1]));
            }
            BarRules.Violation violation = BarRules.check(o, h, l, c, v);
            if (violation != null) {
                throw new IllegalArgumentException(label(time) + ": field '" + violation.field() + "': " + violation.problem());
            }
            if (size == times.length) {
                int capacity = size * 2;
                times = Arrays.copyOf(times, capacity);
                open = Arrays.copyOf(open, capacity);
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                close = Arrays.copyOf(close, capacity);
                volume = Arrays.copyOf(volume, capacity);
            }
            times[size] = t;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        private String label(Instant time) {
            return instrument.symbol() + " bar " + size + " (" + time + ")";
        }

        /** Adds a daily bar dated {@code date}. */
        public Builder add(LocalDate date, double o, double h, double l, double c, double v) {
            return add(date.atStartOfDay(ZoneOffset.UTC).toInstant(), o, h, l, c, v);
        }

        /** Adds a daily bar dated {@code date} whose open, high, low and close are all {@code price}. */
        public Builder add(LocalDate date, double price) {
            return add(date, price, price, price, price, 0);
        }

        /**
         * Adds one flat daily bar per price on consecutive trading days of the instrument's
         * calendar, starting at {@code firstDate} (or the next trading day after it).
         */
        public Builder dailyCloses(LocalDate firstDate, double... prices) {
            LocalDate date = firstDate;
            for (double price : prices) {
                while (!instrument.calendar().isTradingDay(date)) {
                    date = date.plusDays(1);
                }
                add(date, price);
                date = date.plusDays(1);
            }
            return this;
        }

        /** Sets where the data came from (shown in reports). */
        public Builder source(DataSource dataSource) {
            this.source = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Sets the bar interval, instead of inferring it from the bar times (see {@link OhlcvSeries#interval()}). */
        public Builder interval(BarInterval value) {
            this.interval = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Adds a warning to carry with the series. */
        public Builder warning(DataWarning warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** Returns the series built so far. */
        public OhlcvSeries build() {
            long[] t = Arrays.copyOf(times, size);
            return new OhlcvSeries(instrument, t, Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size), source, warnings, interval == null ? inferInterval(t) : interval);
        }
    }
}
