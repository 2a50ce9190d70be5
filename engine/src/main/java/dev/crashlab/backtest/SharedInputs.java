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
    /**
     * Per step, bit i set when instrument i has a bar at it; {@code null} when every instrument
     * has a bar at every step (the loop then needs none) or the universe holds more than 64.
     */
    final long[] barsAtStep;
    private final Map<Key, Object> computed = new ConcurrentHashMap<>();

    /** Creates the shared inputs of {@code spec}: its clock over [start, end] and its periods per year. */
    SharedInputs(Backtest spec) {
        this.clock = spec.clock();
        this.periodsPerYear = spec.effectivePeriodsPerYear();
        this.barsAtStep = barsAtStep(clock, spec.data().prices().size());
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
