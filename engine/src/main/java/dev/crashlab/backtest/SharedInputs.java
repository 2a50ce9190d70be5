package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import dev.crashlab.data.GapPolicy;
import dev.crashlab.data.Instrument;
import dev.crashlab.data.OhlcvSeries;
import dev.crashlab.data.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What runs over one backtest's data and period share, whatever their strategy: the clock, the
 * periods per year, what a run derives from the data alone (the instruments' arrays, where each
 * one's data ends, its detail bars and gap warnings), and what is computed ahead on the bars
 * (fast indicators, calendar-window highs), each once for equal parameters and then only read. A backtest's run and its
 * benchmark's share one; so do all the variants of a {@link BacktestBatch}, from several threads:
 * a value is computed by the first run that asks and published to the others through a
 * concurrent map, after which nothing writes to it.
 */
final class SharedInputs {

    /**
     * What a value computed ahead is keyed by: the instrument's index, the kind of value, and its
     * parameters (a window length, a price field).
     */
    record Key(int instrument, String kind, int length, Object option) {
    }

    final MarketClock clock;
    final double periodsPerYear;
    /**
     * Per step, bit i set when instrument i has a bar at it; {@code null} when every instrument
     * has a bar at every step (the loop then needs none) or the universe holds more than 64.
     */
    final long[] barsAtStep;
    /** The instruments' bars, in universe order (only read: a run's {@code bars}). */
    final OhlcvSeries[] bars;
    /** The instruments, in universe order. */
    final List<Instrument> instruments;
    /** The instruments' symbols, in universe order. */
    final Symbol[] symbols;
    /** Per instrument, the first step time at which its data has ended ({@link DataCoverage}). */
    final long[] staleFrom;
    /** Per instrument, its detail bars ({@code MarketData.detail}), or {@code null} without. */
    final OhlcvSeries[] detail;
    /** Whether any instrument has detail bars: without, every step is walked by the rule. */
    final boolean anyDetail;
    /**
     * The warnings of the instruments with holes in their intraday bars, in universe order
     * ({@link GapPolicy#summary}: a pass over every bar, once for the data, not once per run).
     */
    final List<String> gapWarnings;
    private final Map<Key, Object> computed = new ConcurrentHashMap<>();

    /**
     * Creates the shared inputs of {@code spec}: its clock over [start, end], its periods per year,
     * and what every run derives from the data alone (computed here once, not per run: in a sweep
     * that is once for all the variants, and the runs' constructors stay small to compile).
     */
    SharedInputs(Backtest spec) {
        this.clock = spec.clock();
        this.periodsPerYear = spec.effectivePeriodsPerYear();
        List<OhlcvSeries> prices = spec.data().prices();
        int n = prices.size();
        this.bars = prices.toArray(new OhlcvSeries[0]);
        this.instruments = spec.data().instruments();
        this.barsAtStep = barsAtStep(clock, n);
        this.symbols = new Symbol[n];
        this.staleFrom = new long[n];
        this.detail = new OhlcvSeries[n];
        List<String> gaps = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            OhlcvSeries series = prices.get(i);
            symbols[i] = series.symbol();
            staleFrom[i] = DataCoverage.staleFrom(series, clock.interval());
            detail[i] = spec.data().detail(series.symbol()).orElse(null);
            any |= detail[i] != null;
            // Intraday holes change what a run can see and fill: never silent.
            String summary = GapPolicy.summary(series);
            if (summary != null) {
                gaps.add(summary);
            }
        }
        this.anyDetail = any;
        this.gapWarnings = List.copyOf(gaps);
    }

    private static long[] barsAtStep(MarketClock clock, int n) {
        boolean allAligned = true;
        for (int i = 0; i < n; i++) {
            allAligned &= clock.isAligned(i);
        }
        if (allAligned || n > Long.SIZE) {
            return null;
        }
        long[] masks = new long[clock.size()];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < masks.length; s++) {
                if (clock.hasBar(i, s)) {
                    masks[s] |= 1L << i;
                }
            }
        }
        return masks;
    }

    /** Returns the value of {@code key}, computing it with {@code compute} when no run has yet. */
    @SuppressWarnings("unchecked")
    <T> T computed(Key key, Supplier<T> compute) {
        return (T) computed.computeIfAbsent(key, k -> compute.get());
    }
}
