package dev.crashlab.backtest;

import dev.crashlab.data.Instrument;
import dev.crashlab.data.NonPriceSeries;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.TradingCalendar;
import dev.crashlab.indicator.Atr;
import dev.crashlab.indicator.BarCursor;
import dev.crashlab.indicator.BarIndicator;
import dev.crashlab.indicator.DrawdownFromHigh;
import dev.crashlab.indicator.Ema;
import dev.crashlab.indicator.FastIndicator;
import dev.crashlab.indicator.HighOfDaysBefore;
import dev.crashlab.indicator.PriceField;
import dev.crashlab.indicator.RealizedVolatility;
import dev.crashlab.indicator.Returns;
import dev.crashlab.indicator.RollingCorrelation;
import dev.crashlab.indicator.RollingMax;
import dev.crashlab.indicator.RollingMin;
import dev.crashlab.indicator.Rsi;
import dev.crashlab.indicator.Sma;
import dev.crashlab.strategy.Bars;
import dev.crashlab.strategy.Indicators;
import dev.crashlab.strategy.PublishedSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * What the engine feeds strategies, each bounded by the current step: bar views, fast
 * indicators, growing ta4j series and published non-price series. No public method of these
 * objects returns data beyond the run's current bar index ({@code Run.cur}) or publication time
 * ({@code Run.now()}), and the instruments they hand out have calendars bound to the current step.
 *
 * <h2>Calendars</h2>
 * An instrument's calendar, as loaded, knows every unscheduled closure at any date (see
 * {@link TradingCalendar}). The instruments strategies and regime classifiers reach, through
 * {@code instruments()} and {@code Bars.instrument()}, are copies holding the calendar
 * {@linkplain TradingCalendar#knownAt bound} to {@code Run.now()}: a closure is known from the
 * start of its day in the exchange's zone. The step's time is the start of its bars (00:00 UTC
 * of a daily bar's date), earlier than the close at which {@code onBar} decides, so the calendar
 * knows a little less than it could: conservative, never ahead. The copies are made once per run.
 *
 * <h2>Fast indicators</h2>
 * A fast indicator is computed once, when the strategy creates it, over every bar of its
 * instrument that the run will reach, in one tight loop; the strategy holds a
 * {@linkplain BarIndicator#boundedBy bounded view} of it, which reads the values up to the
 * instrument's current bar and no further. This is backtesting.py's design (indicators computed
 * in {@code init} on the full arrays, revealed bar by bar in {@code next}); it keeps per-bar
 * indicator updates out of the engine loop. The values are those of pushing one bar per step,
 * since an indicator's value at a bar depends only on the bars up to it.
 */
final class EngineFeeds {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Run run;
    private final BarsView[] views;
    // What strategies see of the universe: the loaded calendars know closures they could not have yet.
    private final List<Instrument> instruments;
    private final IndicatorFactory[] factories;
    // Per instrument, the index of the last bar the run reaches: indicators are computed up to it.
    private final int[] lastBar;
    // Per instrument, its current bar index, shared by all its indicators.
    private final BarCursor[] currentBar;
    private final List<Pair> pairs = new ArrayList<>();
    private final BarSeries[] ta4j;
    private final Map<String, PublishedView> published = new HashMap<>();
    private boolean anyTa4jOrPairs;

    EngineFeeds(Run run) {
        this.run = run;
        this.views = new BarsView[run.n];
        this.factories = new IndicatorFactory[run.n];
        this.ta4j = new BarSeries[run.n];
        this.lastBar = new int[run.n];
        this.currentBar = new BarCursor[run.n];
        int[] cur = run.cur;
        List<Instrument> bound = new ArrayList<>(run.n);
        for (int i = 0; i < run.n; i++) {
            Instrument instrument = run.bars[i].instrument();
            bound.add(new Instrument(instrument.symbol(), instrument.assetClass(), instrument.quoteCurrency(),
                    instrument.calendar().knownAt(run::now)));
            lastBar[i] = run.clock.barIndex(i, run.clock.size() - 1);
            currentBar[i] = new BarCursor(cur, i);
            views[i] = new BarsView(i);
            factories[i] = new IndicatorFactory(i);
        }
        this.instruments = List.copyOf(bound);
    }

    /** Feeds the step's new bars to ta4j series and correlation pairs, when there are any. */
    void advance() {
        if (anyTa4jOrPairs) {
            advanceTa4jAndPairs();
        }
    }

    private void advanceTa4jAndPairs() {
        for (int i = 0; i < run.n; i++) {
            if (run.fresh[i] && ta4j[i] != null) {
                addTa4jBar(i, run.cur[i]);
            }
        }
        for (int k = 0, size = pairs.size(); k < size; k++) {
            Pair pair = pairs.get(k);
            if (run.fresh[pair.a] && run.fresh[pair.b]) {
                pair.observe(run.bars[pair.a].close(run.cur[pair.a]), run.bars[pair.b].close(run.cur[pair.b]));
            }
        }
    }

    /** Returns the universe's instruments, their calendars bound to the current step. */
    List<Instrument> instruments() {
        return instruments;
    }

    int indexOf(String symbol) {
        int i = run.account.indexOf(symbol);
        if (i < 0) {
            throw new IllegalArgumentException("unknown symbol \"" + symbol + "\": " + run.account.universeText());
        }
        return i;
    }

    Bars bars(String symbol) {
        return views[indexOf(symbol)];
    }

    Indicators indicators(String symbol) {
        return factories[indexOf(symbol)];
    }

    BarSeries ta4j(String symbol) {
        int i = indexOf(symbol);
        if (ta4j[i] == null) {
            anyTa4jOrPairs = true;
            ta4j[i] = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance())
                    .withName(symbol).build();
            for (int b = 0; b <= run.cur[i]; b++) {
                addTa4jBar(i, b);
            }
        }
        return ta4j[i];
    }

    private void addTa4jBar(int i, int b) {
        OhlcvSeries s = run.bars[i];
        Duration period = s.interval().lengthAt(s.timeMillis(b));
        ta4j[i].barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(s.endMillis(b)))
                .openPrice(s.open(b)).highPrice(s.high(b)).lowPrice(s.low(b)).closePrice(s.close(b))
                .volume(s.volume(b)).add();
    }

    PublishedSeries series(String name) {
        PublishedView view = published.get(name);
        if (view == null) {
            NonPriceSeries series = run.spec.data().series().get(name);
            if (series == null) {
                throw new IllegalArgumentException("unknown series \"" + name + "\": the data holds "
                        + run.spec.data().series().keySet());
            }
            view = new PublishedView(series);
            published.put(name, view);
        }
        return view;
    }

    boolean hasSeries(String name) {
        return run.spec.data().series().containsKey(name);
    }

    /**
     * Returns indicator {@code kind} with parameters {@code barCount} and {@code option} on
     * instrument {@code i}, computed by {@code make} over its bars up to the last one the run
     * reaches (or by another run that shares the inputs, see {@link SharedInputs}), bounded by
     * the current bar.
     */
    private FastIndicator register(int i, String kind, int barCount, Object option, Supplier<BarIndicator> make) {
        BarIndicator computed = run.shared.computed(new SharedInputs.Key(i, kind, barCount, option), () -> {
            BarIndicator indicator = make.get();
            indicator.updateAll(run.bars[i], 0, lastBar[i] + 1);
            return indicator;
        });
        return computed.boundedBy(currentBar[i]);
    }

    private final class IndicatorFactory implements Indicators {
        private final int i;

        private IndicatorFactory(int i) {
            this.i = i;
        }

        private int capacity() {
            return run.bars[i].size();
        }

        @Override
        public FastIndicator sma(int barCount) {
            return register(i, "sma", barCount, null, () -> new Sma(barCount, capacity()));
        }

        @Override
        public FastIndicator ema(int barCount) {
            return register(i, "ema", barCount, null, () -> new Ema(barCount, capacity()));
        }

        @Override
        public FastIndicator rollingMax(int barCount, PriceField field) {
            return register(i, "rollingMax", barCount, field, () -> new RollingMax(barCount, field, capacity()));
        }

        @Override
        public FastIndicator rollingMin(int barCount, PriceField field) {
            return register(i, "rollingMin", barCount, field, () -> new RollingMin(barCount, field, capacity()));
        }

        @Override
        public FastIndicator drawdownFromHigh(int barCount) {
            return register(i, "drawdownFromHigh", barCount, null, () -> new DrawdownFromHigh(barCount, capacity()));
        }

        @Override
        public FastIndicator returns(int barCount) {
            return register(i, "returns", barCount, null, () -> new Returns(barCount, capacity()));
        }

        @Override
        public FastIndicator realizedVolatility(int barCount) {
            return register(i, "realizedVolatility", barCount, null,
                    () -> new RealizedVolatility(barCount, run.periodsPerYear, capacity()));
        }

        @Override
        public FastIndicator rsi(int barCount) {
            return register(i, "rsi", barCount, null, () -> new Rsi(barCount, capacity()));
        }

        @Override
        public FastIndicator atr(int barCount) {
            return register(i, "atr", barCount, null, () -> new Atr(barCount, capacity()));
        }

        @Override
        public FastIndicator correlation(String other, int barCount) {
            int j = indexOf(other);
            Pair pair = new Pair(i, j, new RollingCorrelation(barCount, Math.min(capacity(), run.bars[j].size())));
            pair.catchUp();
            pairs.add(pair);
            anyTa4jOrPairs = true;
            return pair.correlation;
        }
    }

    /** Two instruments whose returns between common steps feed a correlation. */
    private final class Pair {
        final int a;
        final int b;
        final RollingCorrelation correlation;
        double lastA = Double.NaN;
        double lastB = Double.NaN;

        Pair(int a, int b, RollingCorrelation correlation) {
            this.a = a;
            this.b = b;
            this.correlation = correlation;
        }

        void observe(double closeA, double closeB) {
            if (!Double.isNaN(lastA)) {
                correlation.update(closeA / lastA - 1, closeB / lastB - 1);
            }
            lastA = closeA;
            lastB = closeB;
        }

        /** Walks both histories up to their current bars and observes every common timestamp. */
        void catchUp() {
            OhlcvSeries sa = run.bars[a];
            OhlcvSeries sb = run.bars[b];
            int x = 0;
            int y = 0;
            while (x <= run.cur[a] && y <= run.cur[b]) {
                long ta = sa.timeMillis(x);
                long tb = sb.timeMillis(y);
                if (ta == tb) {
                    observe(sa.close(x++), sb.close(y++));
                } else if (ta < tb) {
                    x++;
                } else {
                    y++;
                }
            }
        }
    }

    /**
     * The bars of one instrument up to its current bar. The reads over a window of bars or days
     * answer in O(1) from values computed ahead over every bar the run reaches (as fast
     * indicators are), or, for the high since a date, by extending the last answer over the bars
     * since: the interface's defaults scan the window at every call.
     */
    private final class BarsView implements Bars {
        private final int i;
        // Per window length, its values; the last one asked for apart, so that a strategy asking
        // for one window every bar boxes no key.
        private final Map<Integer, FastIndicator> highestCloses = new HashMap<>(4);
        private final Map<Integer, double[]> highsOfDaysBefore = new HashMap<>(4);
        private int lastBars = -1;
        private FastIndicator lastHighestClose;
        private int lastDays = Integer.MIN_VALUE;
        private double[] lastHighsOfDays;
        // The last answer of highestCloseSince: its date (as an epoch day), the bar it reached, and the high.
        private long sinceDay = Long.MIN_VALUE;
        private int sinceBar = -1;
        private double sinceHigh;

        private BarsView(int i) {
            this.i = i;
        }

        @Override
        public double highestClose(int bars) {
            if (bars < 1 || size() < bars) {
                return Double.NaN;
            }
            if (bars != lastBars) {
                lastHighestClose = highestCloses.computeIfAbsent(bars, n -> factories[i].rollingMax(n, PriceField.CLOSE));
                lastBars = bars;
            }
            return lastHighestClose.value();
        }

        @Override
        public double highestCloseOfDaysBefore(int days) {
            int current = check(size() - 1);
            if (days != lastDays) {
                lastHighsOfDays = highsOfDaysBefore.computeIfAbsent(days, d -> run.shared.computed(
                        new SharedInputs.Key(i, "highOfDaysBefore", d, null),
                        () -> HighOfDaysBefore.of(run.bars[i], d, lastBar[i] + 1)));
                lastDays = days;
            }
            return lastHighsOfDays[current];
        }

        @Override
        public double highestCloseSince(LocalDate date) {
            int current = run.cur[i];
            long day = date.toEpochDay();
            if (day != sinceDay || current < sinceBar) {
                sinceDay = day;
                sinceHigh = Bars.super.highestCloseSince(date);
            } else {
                // A trailing stop asks every bar with the same date: only the bars since the last
                // answer are new, and with dates in order, each is dated after it or none is yet.
                OhlcvSeries s = run.bars[i];
                for (int b = sinceBar + 1; b <= current; b++) {
                    if (Math.floorDiv(s.timeMillis(b), DAY_MILLIS) > day) {
                        sinceHigh = Double.isNaN(sinceHigh) ? s.close(b) : Math.max(sinceHigh, s.close(b));
                    }
                }
            }
            sinceBar = current;
            return sinceHigh;
        }

        private int check(int index) {
            int size = run.cur[i] + 1;
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("bar " + index + " of " + run.bars[i].symbol() + " is not visible at "
                        + run.nowInstant() + ": only bars 0.." + (size - 1) + " exist so far");
            }
            return index;
        }

        @Override
        public Instrument instrument() {
            return instruments.get(i);
        }

        @Override
        public int size() {
            return run.cur[i] + 1;
        }

        @Override
        public boolean isNew() {
            return run.step >= 0 && run.fresh[i];
        }

        @Override
        public Instant time(int index) {
            return run.bars[i].time(check(index));
        }

        @Override
        public LocalDate date(int index) {
            return run.bars[i].date(check(index));
        }

        @Override
        public double open(int index) {
            return run.bars[i].open(check(index));
        }

        @Override
        public double high(int index) {
            return run.bars[i].high(check(index));
        }

        @Override
        public double low(int index) {
            return run.bars[i].low(check(index));
        }

        @Override
        public double close(int index) {
            return run.bars[i].close(check(index));
        }

        @Override
        public double volume(int index) {
            return run.bars[i].volume(check(index));
        }

        @Override
        public String toString() {
            return "Bars(" + run.bars[i].symbol() + ", " + size() + " bars up to " + run.nowInstant() + ")";
        }
    }

    private final class PublishedView implements PublishedSeries {
        private final NonPriceSeries series;
        private long askedAt = Long.MIN_VALUE;
        private int count;

        private PublishedView(NonPriceSeries series) {
            this.series = series;
        }

        @Override
        public String name() {
            return series.name();
        }

        @Override
        public int size() {
            long now = run.now();
            if (askedAt != now) {
                count = series.countPublishedBy(now);
                askedAt = now;
            }
            return count;
        }

        private int check(int index) {
            int size = size();
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("value " + index + " of " + series.name() + " is not published by "
                        + run.nowInstant() + ": only values 0.." + (size - 1) + " are");
            }
            return index;
        }

        @Override
        public LocalDate date(int index) {
            return series.date(check(index));
        }

        @Override
        public double value(int index) {
            return series.value(check(index));
        }

        @Override
        public String toString() {
            return "PublishedSeries(" + series.name() + ", " + size() + " values published by " + run.nowInstant() + ")";
        }
    }
}
