package dev.crashlab.indicator;

import dev.crashlab.data.OhlcvSeries;
import java.util.Objects;

/**
 * A bar indicator is a fast indicator computed from one instrument's bars, pushed to it in time
 * order through {@link #update} (or {@link #updateAll} for a range); it holds no reference to any
 * price series, so nothing reachable from it can reveal a bar that has not been pushed yet. The
 * engine pushes all the bars a run will reach at once and gives strategies a
 * {@linkplain #boundedBy view} that reads them only up to the current bar.
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
     * Returns whether {@link #compute} reads the close alone. The engine then reads only the
     * close of each bar for this indicator, one array instead of five, and passes NaN as the open,
     * high, low and volume. False unless a subclass says otherwise.
     */
    public boolean readsCloseOnly() {
        return false;
    }

    /**
     * Pushes bars {@code from} to {@code to - 1} of {@code bars}, in order, exactly as that many
     * {@link #update} calls would, and keeps no reference to the series: the engine computes an
     * indicator ahead this way (see {@link #boundedBy}). An indicator that
     * {@linkplain #readsCloseOnly reads the close alone} gets NaN for the other fields. A subclass
     * may override it with a loop that keeps its state in local variables, which a JIT keeps in
     * registers, where one call per bar stores it and loads it back; {@link Sma} does.
     *
     * @throws IndexOutOfBoundsException if the range is not within the series
     */
    public void updateAll(OhlcvSeries bars, int from, int to) {
        Objects.checkFromToIndex(from, to, bars.size());
        if (readsCloseOnly()) {
            for (int b = from; b < to; b++) {
                update(Double.NaN, Double.NaN, Double.NaN, bars.close(b), Double.NaN);
            }
        } else {
            for (int b = from; b < to; b++) {
                update(bars.open(b), bars.high(b), bars.low(b), bars.close(b), bars.volume(b));
            }
        }
    }

    /** Appends the value of the bar being pushed, for a subclass's {@link #updateAll}. */
    protected final void append(double value) {
        history.append(value);
    }

    /**
     * Returns the history's array with room for {@code more} values after the {@link #size()}
     * appended, for a subclass's {@link #updateAll} that writes them in place and then says how
     * many with {@link #appended}: one store a value, where {@link #append} checks and counts each.
     */
    final double[] reserve(int more) {
        return history.reserve(more);
    }

    /** Counts {@code count} values written in place after {@link #reserve}. */
    final void appended(int count) {
        history.appended(count);
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

    /**
     * Returns a view of this indicator that reads its values only up to the bar that
     * {@code currentBar} gives, an index among the bars pushed (-1 before the first): how the
     * engine hands a strategy an indicator it computed ahead over every bar of the run, revealed
     * one bar per step. {@code value(barsAgo)} of the view is the value {@code barsAgo} bars
     * before that bar; no method of the view reads a later one.
     *
     * @throws NullPointerException if {@code currentBar} is null
     */
    public final FastIndicator boundedBy(BarCursor currentBar) {
        return new BoundedView(this, history, currentBar);
    }

    /** Returns the number of bars pushed so far. */
    public final int size() {
        return history.size();
    }
}
