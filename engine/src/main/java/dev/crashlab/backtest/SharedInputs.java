package dev.crashlab.backtest;

import dev.crashlab.clock.MarketClock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What runs over one backtest's data and period share, whatever their strategy: the clock, the
 * periods per year, and what is computed ahead on the bars (fast indicators, calendar-window
 * highs), each once for equal parameters and then only read. A backtest's run and its
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
    private final Map<Key, Object> computed = new ConcurrentHashMap<>();

    /** Creates the shared inputs of {@code spec}: its clock over [start, end] and its periods per year. */
    SharedInputs(Backtest spec) {
        this.clock = spec.clock();
        this.periodsPerYear = spec.effectivePeriodsPerYear();
    }

    /** Returns the value of {@code key}, computing it with {@code compute} when no run has yet. */
    @SuppressWarnings("unchecked")
    <T> T computed(Key key, Supplier<T> compute) {
        return (T) computed.computeIfAbsent(key, k -> compute.get());
    }
}
