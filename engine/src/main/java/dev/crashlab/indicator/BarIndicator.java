package dev.crashlab.indicator;

/**
 * A bar indicator is a fast indicator computed from one instrument's bars, which the engine pushes
 * to it one at a time through {@link #update}; it holds no reference to any price series, so
 * nothing reachable from it can reveal a bar that has not been pushed yet.
 *
 * <p>This base keeps the history of values, so {@link #value(int)} reaches back to the first bar.
 * A subclass implements {@link #compute} on windows it preallocates in primitive arrays: an update
 * allocates nothing, except when the history outgrows its capacity and doubles. Give the capacity
 * hint the number of bars the instrument has, and the history never grows.
 */
public abstract class BarIndicator implements FastIndicator {

    private final ValueHistory history;

    /**
     * Creates an indicator whose history has room for {@code capacityHint} values before it grows.
     *
     * @throws IllegalArgumentException if {@code capacityHint} is negative
     */
    protected BarIndicator(int capacityHint) {
        // Errors name the indicator; an anonymous subclass has no simple name.
        String name = getClass().getSimpleName();
        history = new ValueHistory(name.isEmpty() ? getClass().getName() : name, capacityHint);
    }

    /**
     * Pushes the next bar of the instrument: computes this indicator's value at that bar and
     * appends it to the history. Prices are in the instrument's quote currency; the engine calls
     * this once per bar, in time order.
     */
    public final void update(double open, double high, double low, double close, double volume) {
        history.append(compute(open, high, low, close, volume));
    }

    /**
     * Returns this indicator's value at the bar being pushed, or NaN while warming up; called once
     * per bar, in time order, and must not allocate.
     */
    protected abstract double compute(double open, double high, double low, double close, double volume);

    @Override
    public final double value() {
        return history.latest();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code barsAgo} is negative: that would be a future bar
     */
    @Override
    public final double value(int barsAgo) {
        return history.barsAgo(barsAgo);
    }

    /** Returns the number of bars pushed so far. */
    public final int size() {
        return history.size();
    }
}
