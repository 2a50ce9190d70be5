package dev.crashlab.indicator;

import java.util.Objects;

/**
 * A bounded view shows an indicator's values only up to a current bar that its owner moves
 * forward, though more may have been computed: see {@link BarIndicator#boundedBy}. Reads go
 * straight to the indicator's history, and a crossing of two views on the same current bar
 * reads that bar once.
 */
final class BoundedView implements FastIndicator {

    private final BarIndicator indicator;
    private final ValueHistory history;
    private final BarCursor currentBar;

    BoundedView(BarIndicator indicator, ValueHistory history, BarCursor currentBar) {
        this.indicator = indicator;
        this.history = history;
        this.currentBar = Objects.requireNonNull(currentBar, "currentBar");
    }

    @Override
    public double value() {
        return history.at(currentBar.current());
    }

    @Override
    public double value(int barsAgo) {
        if (barsAgo < 0) {
            // A negative offset would ask for a future bar: refuse rather than answer NaN.
            throw ValueHistory.negativeBarsAgo(barsAgo);
        }
        return history.at(currentBar.current() - barsAgo);
    }

    @Override
    public boolean crossedAbove(FastIndicator other) {
        if (other instanceof BoundedView o && o.currentBar == currentBar) {
            return history.crossed(o.history, currentBar.current(), true);
        }
        return FastIndicator.super.crossedAbove(other);
    }

    @Override
    public boolean crossedBelow(FastIndicator other) {
        if (other instanceof BoundedView o && o.currentBar == currentBar) {
            return history.crossed(o.history, currentBar.current(), false);
        }
        return FastIndicator.super.crossedBelow(other);
    }

    @Override
    public String toString() {
        String name = indicator.getClass().getSimpleName();
        return (name.isEmpty() ? "indicator" : name) + " at bar " + currentBar.current() + ": " + value();
    }
}
