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
     * strictly above, and at the previous bar it was at or below. A tie does not cross.
     */
    default boolean crossedAbove(FastIndicator other) {
        return value() > other.value() && value(1) <= other.value(1);
    }

    /**
     * Returns whether this indicator crossed below {@code other} at the current bar: it is now
     * strictly below, and at the previous bar it was at or above. A tie does not cross.
     */
    default boolean crossedBelow(FastIndicator other) {
        return value() < other.value() && value(1) >= other.value(1);
    }
}
