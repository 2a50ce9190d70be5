package dev.crashlab.indicator;

/**
 * A fast indicator is a value computed bar by bar from one instrument's prices, on primitive
 * buffers, updated once per new bar of its instrument and never reading ahead: after the update
 * for bar {@code i}, {@link #value()} is the value at bar {@code i} and {@link #value(int)}
 * reaches back into the values of earlier bars.
 *
 * <p>Strategies obtain indicators from their context ({@code ctx.indicators("BTC-USD").sma(10)}),
 * which feeds them every bar of the instrument, including the history before the backtest's
 * start. Values are NaN until the indicator has seen enough bars ({@link #isReady()}).
 */
public interface FastIndicator {

    /** Returns the value at the instrument's current bar, or NaN while warming up. */
    double value();

    /**
     * Returns the value {@code barsAgo} bars before the current one ({@code 0} is the current
     * bar), or NaN while warming up or before the first bar.
     */
    double value(int barsAgo);

    /** Returns whether the current value is defined. */
    default boolean isReady() {
        return !Double.isNaN(value());
    }

    /**
     * Returns whether this indicator crossed above {@code other} at the current bar: it is now
     * strictly above, and the last earlier bar where the two differed had it below. A tie neither
     * crosses nor resets: above, equal, above is no crossing; below, equal, above is one (as
     * backtrader's {@code CrossOver}, ta4j's {@code CrossIndicator} and vectorbt's
     * {@code crossed_above} count it). No crossing before both are defined.
     */
    default boolean crossedAbove(FastIndicator other) {
        return value() > other.value() && lastDifference(other) < 0;
    }

    /**
     * Returns whether this indicator crossed below {@code other} at the current bar: it is now
     * strictly below, and the last earlier bar where the two differed had it above. A tie
     * neither crosses nor resets (see {@link #crossedAbove}).
     */
    default boolean crossedBelow(FastIndicator other) {
        return value() < other.value() && lastDifference(other) > 0;
    }

    /**
     * Returns {@code this − other} at the last bar before the current one where they differ, or
     * 0 when there is none (or either is undefined first).
     */
    private double lastDifference(FastIndicator other) {
        for (int k = 1; ; k++) {
            double a = value(k);
            double b = other.value(k);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return 0;
            }
            if (a != b) {
                return a - b;
            }
        }
    }
}
